"""The materials registry: the packaged, cited data file plus user additions.

Look-up is case-insensitive and accepts aliases ("copper", "Cu", "C10100"); an unknown name raises
:class:`MaterialNotFoundError` listing the closest known names.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tcrlab.errors import CaseFileError, InputError, MaterialNotFoundError
from tcrlab.materials.material import PROPERTY_DIMENSIONS, Material
from tcrlab.units import parse_quantity

__all__ = [
    "MaterialRegistry",
    "default_registry",
    "get_material",
    "list_materials",
    "load_user_materials",
    "material_from_table",
    "registry_from_toml",
]


def _normal(name: str) -> str:
    return " ".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


class MaterialRegistry(Mapping[str, Material]):
    """An immutable mapping key -> Material with alias-aware, case-insensitive lookup.

    Parameters
    ----------
    materials : Mapping of str to Material
        The materials by key.
    sources : Mapping of str to str, optional
        Citation keys to full citations.
    """

    def __init__(self, materials: Mapping[str, Material | _Pending], sources: Mapping[str, str] | None = None):
        self._materials: dict[str, Material | _Pending] = dict(materials)
        self.sources = dict(sources or {})
        self._index: dict[str, str] = {}
        for key, mat in self._materials.items():
            for alias in (key, mat.name, *mat.aliases):
                self._index.setdefault(_normal(alias), key)

    def __getitem__(self, name: str) -> Material:
        return self.get_material(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._materials)

    def __len__(self) -> int:
        return len(self._materials)

    def get_material(self, name: str | Material) -> Material:
        if isinstance(name, Material):
            return name
        if not isinstance(name, str):
            raise InputError("material", name, "a material name (see `tcrlab materials`)")
        key = self._index.get(_normal(name))
        if key is None:
            close = difflib.get_close_matches(_normal(name), list(self._index), n=4, cutoff=0.5)
            shown = sorted({self._index[c] for c in close})
            hint = f"closest: {', '.join(shown)}" if shown else "see `tcrlab materials` for the list"
            raise MaterialNotFoundError(
                "material", name, f"a known material ({hint})", problem="unknown material"
            )
        mat = self._materials[key]
        if isinstance(mat, _Pending):
            mat = self._materials[key] = mat.build()
        return mat

    def extended(self, materials: Mapping[str, Material]) -> MaterialRegistry:
        """A new registry with ``materials`` added (a user's entry replaces a packaged one of the same key)."""
        for key, mat in materials.items():
            if not isinstance(mat, Material):
                raise InputError(f"materials.{key}", type(mat).__name__, "a tcrlab.materials.Material")
        merged = dict(self._materials)
        merged.update(materials)
        reg = MaterialRegistry(merged, self.sources)
        # Names users already type keep working: a replaced entry keeps the packaged aliases of its key,
        # and the added entries' own names take precedence over packaged aliases they collide with.
        reg._index.update(self._index)
        for key, mat in materials.items():
            for alias in (key, mat.name, *mat.aliases):
                reg._index[_normal(alias)] = key
        return reg


class _Pending:
    """A material table of the packaged file, parsed on first lookup.

    Parsing the units of all ~90 packaged materials takes ~0.1 s of CPU (pint's expression parser, ~500
    values); a command needs one or two of them. Name and aliases (plain strings) are read at once for the
    lookup index; a malformed entry is reported when it is first used (the packaged file is checked
    entry by entry in the tests).
    """

    __slots__ = ("_built", "_origin", "_sources", "_table", "aliases", "key", "name")

    def __init__(self, key: str, table: Any, sources: Mapping[str, str], origin: str):
        self.key, self._table, self._sources, self._origin = key, table, sources, origin
        self._built: Material | None = None
        table = table if isinstance(table, Mapping) else {}
        self.name = str(table.get("name", key))
        aliases = table.get("aliases", ())
        aliases = (aliases,) if isinstance(aliases, str) else aliases
        self.aliases = tuple(a for a in aliases if isinstance(a, str)) if isinstance(aliases, list | tuple) else ()

    def build(self) -> Material:
        if self._built is None:
            self._built = material_from_table(self.key, self._table, sources=self._sources, origin=self._origin)
        return self._built


def material_from_table(
    key: str, table: Mapping[str, Any], *, sources: Mapping[str, str], origin: str
) -> Material:
    """Build a Material from one TOML table (unit strings parsed here, at the boundary).

    Parameters
    ----------
    key : str
        The material's key.
    table : Mapping
        Its TOML table (values with units).
    sources : Mapping of str to str
        Citation keys to full citations.
    origin : str
        The file the table came from (named in errors).

    Returns
    -------
    Material
        The material in SI units.
    """
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{origin}: materials.{key} must be a table of properties")
    known = set(PROPERTY_DIMENSIONS) | {
        "name", "aliases", "category", "conductivity_table", "sources", "notes", "reference_temperature",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise InputError(
            f"materials.{key}.{unknown[0]}",
            table[unknown[0]],
            "one of: " + ", ".join(sorted(known)),
            problem="unknown property",
            source=origin,
        )
    values: dict[str, Any] = {}
    for prop, dim in PROPERTY_DIMENSIONS.items():
        if prop in table:
            values[prop] = parse_quantity(table[prop], dim, f"materials.{key}.{prop}", source=origin)
    if "reference_temperature" in table:
        values["reference_temperature"] = parse_quantity(
            table["reference_temperature"], "temperature", f"materials.{key}.reference_temperature",
            source=origin,
        )
    refs = table.get("sources", {})
    if not isinstance(refs, Mapping) or not all(isinstance(r, str) for r in refs.values()):
        raise InputError(
            f"materials.{key}.sources", refs,
            "a table property = source key (or a full citation), e.g. { conductivity = \"incropera2011\" }",
            source=origin,
        )
    aliases = table.get("aliases", ())
    if isinstance(aliases, str):
        aliases = (aliases,)
    if not all(isinstance(a, str) for a in aliases):
        raise InputError(f"materials.{key}.aliases", aliases, "a list of names", source=origin)
    cited = {prop: sources.get(ref, ref) for prop, ref in refs.items()}
    try:  # Material checks every value (physical ranges, the k(T) table); name the file here
        return Material(
            key=key,
            name=str(table.get("name", key)),
            category=str(table.get("category", "metal")),
            aliases=tuple(aliases),
            conductivity_table=table.get("conductivity_table", ()),
            sources=cited,
            notes=str(table.get("notes", "")),
            **values,
        )
    except InputError as exc:
        raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=origin) from None


def registry_from_toml(data: Mapping[str, Any], *, origin: str, lazy: bool = False) -> MaterialRegistry:
    """Parse a materials document: ``[sources]`` (key -> citation) and ``[materials.<key>]`` tables.

    Parameters
    ----------
    data : Mapping
        The parsed TOML document.
    origin : str
        The file it came from (named in errors).
    lazy : bool
        Parse each material's values on its first lookup instead of now (the packaged file, whose
        entries are tested; a user's file is checked completely when it is read).

    Returns
    -------
    MaterialRegistry
        Its materials.

    Examples
    --------
    >>> reg = registry_from_toml({"materials": {"myal": {"name": "My Al", "conductivity": "160 W/m/K"}}},
    ...                          origin="my.toml")
    >>> reg.get_material("my al").conductivity
    160.0
    """
    sources = data.get("sources", {})
    if not isinstance(sources, Mapping) or not all(isinstance(v, str) for v in sources.values()):
        raise CaseFileError(f"{origin}: [sources] must be a table of key = \"full citation\" strings")
    sources = dict(sources)
    tables = data.get("materials", {})
    if not isinstance(tables, Mapping):
        raise CaseFileError(f"{origin}: [materials] must be a table of material tables")
    if lazy:
        pending = {key: _Pending(key, t, sources, origin) for key, t in tables.items()}
        return MaterialRegistry(pending, sources)
    mats = {key: material_from_table(key, t, sources=sources, origin=origin) for key, t in tables.items()}
    return MaterialRegistry(mats, sources)


@cache
def default_registry() -> MaterialRegistry:
    """The packaged registry (``tcrlab/materials/data/materials.toml``), parsed once."""
    text = resources.files("tcrlab.materials").joinpath("data/materials.toml").read_text("utf-8")
    return registry_from_toml(tomllib.loads(text), origin="tcrlab/materials/data/materials.toml", lazy=True)


def load_user_materials(path: str | Path, base: MaterialRegistry | None = None) -> MaterialRegistry:
    """The registry extended with a user's TOML file of the same format as the packaged one.

    Parameters
    ----------
    path : str or Path
        The user's TOML file.
    base : MaterialRegistry, optional
        The registry to extend (the packaged one by default).

    Returns
    -------
    MaterialRegistry
        ``base`` extended with the file's materials.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise CaseFileError(f"{path}: materials file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{path}: cannot read the materials file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"sources", "materials"})
    if unknown:
        raise CaseFileError(f"{path}: unknown top-level table [{unknown[0]}]; a materials file has "
                            "[sources] and [materials.<key>] tables")
    user = registry_from_toml(data, origin=str(path))
    if not len(user):
        raise CaseFileError(f"{path}: no materials in the file; add [materials.<key>] tables, e.g. "
                            "[materials.myalloy] with conductivity = \"120 W/(m K)\"")
    return (base or default_registry()).extended(dict(user.items()))


def get_material(name: str | Material) -> Material:
    """Look a material up in the packaged registry (case-insensitive, aliases accepted).

    Parameters
    ----------
    name : str or Material
        Key, name or alias (a Material is returned as is).

    Returns
    -------
    Material
        The material.

    Raises
    ------
    MaterialNotFoundError
        Listing the closest known names.

    Examples
    --------
    >>> get_material("copper").key
    'Cu'
    """
    return default_registry().get_material(name)


def list_materials() -> list[Material]:
    """Every packaged material, in file order.

    Returns
    -------
    list of Material
        The packaged materials.

    Examples
    --------
    >>> list_materials()[0].key
    'Cu'
    """
    reg = default_registry()
    return [reg[k] for k in reg]
