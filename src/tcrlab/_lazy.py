"""Public names of a package imported on first use (PEP 562), so that ``import tcrlab.x`` stays cheap.

A package lists its public names with the module that defines each; ``from tcrlab.contact import solve``
then imports :mod:`tcrlab.contact.solver` only when ``solve`` is asked for, and a command that needs
one model does not pay for the import of every other one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, api: Mapping[str, str], namespace: dict[str, Any], subpackages: Iterable[str] = ()
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of a package whose public names load lazily.

    Parameters
    ----------
    package : str
        The package's name, e.g. ``"tcrlab.contact"`` (used in the AttributeError message).
    api : Mapping of str to str
        Each public name and the module that defines it.
    namespace : dict
        The package's ``globals()``: a name is kept there once loaded, so it is imported once.
    subpackages : iterable of str
        Sub-packages that ``package.<name>`` imports on first use.

    Returns
    -------
    getattr : callable
        ``__getattr__(name)`` for the package: the public name, or the sub-package; AttributeError for
        any other name.
    dir : callable
        ``__dir__()``: the names already loaded plus every public name and sub-package, sorted.

    Examples
    --------
    >>> getattr_, dir_ = lazy_exports("pkg", {"sqrt": "math"}, {})
    >>> getattr_("sqrt")(9.0)
    3.0
    >>> dir_()
    ['sqrt']
    """
    subs = frozenset(subpackages)

    def __getattr__(name: str) -> Any:
        module = api.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
            namespace[name] = value
            return value
        if name in subs:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(api) | subs)

    return __getattr__, __dir__
