"""Every public name of every tcrlab module carries a numpydoc docstring.

A name is public when it is listed in its module's ``__all__`` (or, for a module without one, defined
there without a leading underscore). It is checked where it is defined, so a re-export is checked once.
The docstring is parsed with numpydoc's own parser (:mod:`numpydoc.docscrape`) and must have

- a summary line;
- for a function with parameters, a Parameters section naming each of them;
- for a function that returns something, a Returns (or Yields) section;
- for a class whose constructor takes arguments, a Parameters or Attributes section;
- for a model function (the physics in :data:`MODEL_MODULES`), an Examples section, which
  the default test run executes (``--doctest-modules`` over ``src/tcrlab``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Iterator

import pytest
from numpydoc.docscrape import ClassDoc, FunctionDoc


def _all_modules() -> tuple[str, ...]:
    """Every module of the package, private ones included (their public names are used across it)."""
    package = importlib.import_module("tcrlab")
    names = [package.__name__]
    names += [m.name for m in pkgutil.walk_packages(package.__path__, prefix="tcrlab.")]
    return tuple(sorted(names))


# Every module's docstrings are held to the numpydoc standard.
CHECKED_MODULES: tuple[str, ...] = _all_modules()

# Modules whose public functions are physical models: each needs a runnable Examples section.
MODEL_MODULES: frozenset[str] = frozenset(
    {
        "tcrlab.conductance.constriction",
        "tcrlab.conductance.convection",
        "tcrlab.conductance.cryogenic",
        "tcrlab.conductance.gap",
        "tcrlab.conductance.layers",
        "tcrlab.conductance.radiation",
        "tcrlab.conductance.spot",
        "tcrlab.contact.plastic",
        "tcrlab.contact.solver",
        "tcrlab.contact.spots",
        "tcrlab.contact.thermal",
        "tcrlab.electrical.constriction",
        "tcrlab.electrical.contact",
        "tcrlab.electrical.correlations",
        "tcrlab.fem.solve",
        "tcrlab.fem.transient",
        "tcrlab.joint",
        "tcrlab.joint_electrical",
        "tcrlab.kapitza.amm",
        "tcrlab.kapitza.dmm",
        "tcrlab.kapitza.empirical",
        "tcrlab.kapitza.landauer",
        "tcrlab.kapitza.phonons",
        "tcrlab.mechanics.area",
        "tcrlab.mechanics.effective",
        "tcrlab.mechanics.elastoplastic",
        "tcrlab.mechanics.microhardness",
        "tcrlab.mechanics.separation",
        "tcrlab.network.spreader",
        "tcrlab.spreading.disk",
        "tcrlab.spreading.halfspace",
        "tcrlab.spreading.layers",
        "tcrlab.spreading.rectangle",
        "tcrlab.surfaces.parameters",
        "tcrlab.transient.ladders",
        "tcrlab.transient.response",
        "tcrlab.transient.structure",
    }
)


def public_names(module: types.ModuleType) -> list[str]:
    """The names a module offers: its ``__all__``, else what it defines without a leading ``_``."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [
        name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    ]


def _documented_objects() -> Iterator[tuple[str, str, object]]:
    seen: set[int] = set()
    for modname in CHECKED_MODULES:
        module = importlib.import_module(modname)
        for name in public_names(module):
            obj = getattr(module, name)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue  # constants and type aliases carry no docstring of their own
            home = getattr(obj, "__module__", modname)
            if home != modname:
                continue  # a re-export: checked in the module that defines it, if that is listed
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            yield home, f"{home}.{obj.__qualname__}", obj


def _parameters(func: object) -> list[str]:
    try:
        sig = inspect.signature(func)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    return [name for name in sig.parameters if name not in ("self", "cls")]


def _returns_something(func: object) -> bool:
    if inspect.isgeneratorfunction(func):
        return True
    try:
        hints = typing.get_type_hints(func)
    except Exception:
        hints = getattr(func, "__annotations__", {})
    ret = hints.get("return", inspect.Signature.empty)
    if ret is inspect.Signature.empty:
        src_returns = "return " in (inspect.getsource(func) if _has_source(func) else "")
        return src_returns
    return ret not in (None, type(None), typing.NoReturn)


def _has_source(obj: object) -> bool:
    try:
        inspect.getsource(obj)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return False
    return True


def _documented_params(doc: FunctionDoc | ClassDoc, section: str = "Parameters") -> set[str]:
    names: set[str] = set()
    for p in doc[section] + doc["Other Parameters"]:
        for part in p.name.split(","):
            names.add(part.strip().lstrip("*"))
    return names


def problems(modname: str, obj: object) -> list[str]:
    """What the numpydoc docstring of ``obj`` (defined in ``modname``) lacks; empty when complete."""
    if not (obj.__doc__ or "").strip():
        return ["no docstring"]
    found: list[str] = []
    if inspect.isclass(obj):
        doc = ClassDoc(obj, config={"show_class_members": False})
        if not doc["Summary"]:
            found.append("no summary line")
        init_params = _parameters(obj)
        if init_params and not (doc["Parameters"] or doc["Attributes"]):
            found.append(f"no Parameters/Attributes section for {init_params}")
        return found
    doc = FunctionDoc(obj)
    if not doc["Summary"]:
        found.append("no summary line")
    params = _parameters(obj)
    if params:
        missing = [
            p
            for p in params
            if p not in _documented_params(doc)
            and inspect.signature(obj).parameters[p].kind  # type: ignore[arg-type]
            not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        ]
        if not doc["Parameters"]:
            found.append("no Parameters section")
        elif missing:
            found.append(f"Parameters section misses {missing}")
    if _returns_something(obj) and not (doc["Returns"] or doc["Yields"]):
        found.append("no Returns section")
    if modname in MODEL_MODULES and not doc["Examples"]:
        found.append("no Examples section")
    return found


_OBJECTS = list(_documented_objects())


def test_the_checked_modules_offer_public_names() -> None:
    assert len(_OBJECTS) > 400  # the list is not silently empty
    assert {"tcrlab.joint", "tcrlab.contact._kernels", "tcrlab.cli.main"} <= set(CHECKED_MODULES)
    assert MODEL_MODULES <= set(CHECKED_MODULES)  # no stale name in the model list


@pytest.mark.parametrize(("modname", "qualname", "obj"), _OBJECTS, ids=[q for _, q, _ in _OBJECTS])
def test_public_name_has_numpydoc_docstring(modname: str, qualname: str, obj: object) -> None:
    assert problems(modname, obj) == [], qualname


def test_the_checker_catches_a_bare_function() -> None:
    def bare(x: float) -> float:
        """Twice x."""
        return 2 * x

    assert problems("tcrlab.kapitza.amm", bare) == [
        "no Parameters section",
        "no Returns section",
        "no Examples section",
    ]


def test_the_checker_accepts_a_complete_function() -> None:
    def complete(x: float) -> float:
        """Twice x.

        Parameters
        ----------
        x : float
            A length [m].

        Returns
        -------
        float
            Twice ``x`` [m].

        Examples
        --------
        >>> complete(1.0)
        2.0
        """
        return 2 * x

    assert problems("tcrlab.kapitza.amm", complete) == []
