"""Cited materials data: one registry, one packaged data file, user additions."""

from tcrlab.materials.material import Material
from tcrlab.materials.registry import (
    MaterialRegistry,
    default_registry,
    get_material,
    list_materials,
    load_user_materials,
)

__all__ = [
    "Material",
    "MaterialRegistry",
    "default_registry",
    "get_material",
    "list_materials",
    "load_user_materials",
]
