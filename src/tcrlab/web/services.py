"""What the pages and the JSON API compute: request documents in, library results out.

Each function takes the same tables a case file holds (values with units as text, e.g. ``"2 MPa"``),
checks the request against :data:`~tcrlab.web.limits.LIMITS` before any work, and returns the library's
own result dictionaries. No physics is done here.
"""

from __future__ import annotations

import inspect
import re
import tempfile
import threading
import warnings
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from tcrlab.errors import CaseFileError, InputError
from tcrlab.web.limits import LIMITS, WebLimits

__all__ = [
    "PLOT_LOCK",
    "check_request",
    "joint_curve",
    "joint_result",
    "kapitza_result",
    "model_sources",
    "stack_result",
    "svg_of",
]

T = TypeVar("T")

# matplotlib's pyplot keeps global state: one figure is drawn at a time.
PLOT_LOCK = threading.Lock()

_RANGE_POINTS = re.compile(r":\s*(?:log)?\s*(\d+)\s*$", re.IGNORECASE)
_MAX_DEPTH = 6


def check_request(obj: Any, field: str, limits: WebLimits = LIMITS, *, depth: int = 0) -> None:
    """Refuse a request that asks for more work than one request may do.

    Parameters
    ----------
    obj : Any
        The decoded JSON (or form) value.
    field : str
        Its name in error messages (e.g. ``"joint"``, ``"layer[2]"``).
    limits : WebLimits
        The bounds to apply.

    depth : int
        Current nesting level (the function calls itself on nested values).

    Raises
    ------
    InputError
        For text longer than ``max_text``, a list or range with more than ``max_points`` points, more
        than ``max_layers`` layers, or nesting deeper than 6 levels.
    """
    if depth > _MAX_DEPTH:
        raise InputError(field, "…", f"at most {_MAX_DEPTH} levels of nesting", problem="too deeply nested")
    if isinstance(obj, str):
        if len(obj) > limits.max_text:
            raise InputError(field, obj[:40] + "…", f"text of at most {limits.max_text} characters",
                             problem=f"{len(obj)} characters")
        m = _RANGE_POINTS.search(obj)
        if m and ":" in obj and int(m.group(1)) > limits.max_points:
            raise InputError(field, obj, f"a range of at most {limits.max_points} points on this server")
        if obj.count(",") >= limits.max_points:
            raise InputError(field, obj[:40] + "…", f"a list of at most {limits.max_points} values")
    elif isinstance(obj, Mapping):
        for key, value in obj.items():
            if not isinstance(key, str) or len(key) > limits.max_text:
                raise InputError(field, str(key)[:40], "field names of at most "
                                 f"{limits.max_text} characters")
            check_request(value, f"{field}.{key}" if field else key, limits, depth=depth + 1)
    elif isinstance(obj, list | tuple):
        cap = limits.max_layers if field.endswith(("layer", "branch")) else limits.max_points
        if len(obj) > cap:
            raise InputError(field, f"{len(obj)} entries", f"at most {cap} entries on this server")
        for i, value in enumerate(obj, start=1):
            check_request(value, f"{field}[{i}]", limits, depth=depth + 1)
    elif isinstance(obj, float) and not np.isfinite(obj):
        raise InputError(field, obj, "a finite number")


def _captured(fn: Callable[[], T]) -> tuple[T, list[str]]:
    """Run ``fn`` and return its value with the warning messages it raised (validity warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn()
    seen: list[str] = []
    for w in caught:
        text = str(w.message)
        if text not in seen:
            seen.append(text)
    return value, seen


def _joint(table: Mapping[str, Any]) -> Any:
    from tcrlab.cases.joint import joint_from_table

    if not isinstance(table, Mapping):
        raise CaseFileError("the joint request must be a JSON object of [joint] fields")
    check_request(dict(table), "joint")
    return joint_from_table(table, field="joint", source="request")


def joint_result(table: Mapping[str, Any]) -> dict[str, Any]:
    """h_c, h_g, h_r, h_j, R_c … of a ``[joint]`` table (as :meth:`tcrlab.joint.JointResult.to_dict`).

    Parameters
    ----------
    table : Mapping
        The fields of a case file's ``[joint]`` table (``solids``, ``sigma``, ``slope``, ``pressure``,
        ``gas``, …), values with units as text.

    Returns
    -------
    dict
        The result dictionary with ``warnings`` (the library's validity warnings) and ``details``.
    """
    joint = _joint(table)
    result, caught = _captured(lambda: joint.evaluate(emit_warnings=True))
    out = result.to_dict()
    out["warnings"] = list(dict.fromkeys([*out.get("warnings", []), *caught]))
    out["sources"] = model_sources(out.get("details", {}))
    return out


def joint_curve(table: Mapping[str, Any], pressure_range: str) -> tuple[np.ndarray, Any]:
    """The joint of ``table`` evaluated over ``pressure_range`` (``"START:STOP:logN"``) [Pa].

    Parameters
    ----------
    table : Mapping
        A ``[joint]`` table (values with units).
    pressure_range : str
        Pressure range text.

    Returns
    -------
    pressures : ndarray
        Pressures [Pa].
    result : object
        What ``Joint.evaluate`` returns at those pressures.
    """
    from tcrlab.units import parse_range

    joint = _joint(table)
    check_request(pressure_range, "plot_range")
    pressures = np.atleast_1d(parse_range(pressure_range, "pressure", "plot_range"))
    if pressures.size > LIMITS.max_points:
        raise InputError("plot_range", pressure_range, f"at most {LIMITS.max_points} points")
    curve, _ = _captured(lambda: replace(joint, pressure=pressures).evaluate(emit_warnings=False))
    return pressures, curve


def stack_result(doc: Mapping[str, Any]) -> Any:
    """Solve a heat-path case document (the TOML of ``tcrlab run`` as a JSON object).

    Parameters
    ----------
    doc : Mapping
        The case document.

    Returns
    -------
    tcrlab.StackResult
        The solved stack; ``to_dict()`` equals what ``tcrlab run --json`` prints (without ``source``).
    """
    from tcrlab.cases import build_case

    if not isinstance(doc, Mapping):
        raise CaseFileError("the heat-path request must be a JSON object (a case file's tables)")
    check_request(dict(doc), "")
    case = build_case(doc, source="request")
    if getattr(case, "kind", None) != "stack":
        raise CaseFileError("request: a heat path needs [[layer]] tables (a stack case)")
    result, caught = _captured(case.solve)
    if caught:
        result = replace(result, warnings=tuple(dict.fromkeys([*result.warnings, *caught])))
    return result


def kapitza_result(table: Mapping[str, Any]) -> dict[str, Any]:
    """AMM / DMM / radiation-limit conductances of a ``[kapitza]`` table, with measured points.

    Parameters
    ----------
    table : Mapping
        A ``[kapitza]`` table (values with units).

    Returns
    -------
    dict
        ``T`` [K], ``h_<model>`` [W/(m² K)], ``R_<model>`` [m² K/W], ``measured`` (published values for
        this pair from the packaged table) and ``warnings``.
    """
    from tcrlab.cases import build_case
    from tcrlab.kapitza import measured_conductances

    if not isinstance(table, Mapping):
        raise CaseFileError("the Kapitza request must be a JSON object of [kapitza] fields")
    check_request(dict(table), "kapitza")
    case = build_case({"kapitza": dict(table)}, source="request")
    outputs, caught = _captured(case.outputs)
    if np.size(outputs["T"]) > LIMITS.max_points:
        raise InputError("kapitza.temperature", table.get("temperature"), f"at most {LIMITS.max_points} points")
    out = dict(outputs)
    names = table.get("materials") or [table.get("material1"), table.get("material2")]
    out["material1"], out["material2"] = (str(n) for n in names[:2])
    out["measured"] = measured_conductances(out["material1"], out["material2"])
    out["warnings"] = caught
    return out


def model_sources(details: Mapping[str, Any]) -> dict[str, str]:
    """The first docstring line (which cites the source) of the contact and gap models used.

    Parameters
    ----------
    details : Mapping
        A joint result's ``details`` (names of the models used).

    Returns
    -------
    dict of str to str
        Model role to ``"<model>: <first docstring line>"``.
    """
    from tcrlab.conductance.registry import CONTACT_MODELS, GAP_MODELS

    out: dict[str, str] = {}
    for role, registry in (("contact_model", CONTACT_MODELS), ("gap_model", GAP_MODELS)):
        entry = registry.get(str(details.get(role)))
        if entry is None:
            continue
        name = entry.name
        doc = inspect.getdoc(entry.function)
        if doc:
            out[role] = f"{name}: {doc.splitlines()[0]}"
    return out


def svg_of(draw: Callable[[Path], Any]) -> str:
    """Run a plotting function that saves to a path and return the figure as SVG text.

    Parameters
    ----------
    draw : callable
        Called with the path to save the figure to.

    Returns
    -------
    str
        The figure as SVG text.
    """
    with PLOT_LOCK, tempfile.TemporaryDirectory(prefix="tcrlab-web-") as folder:
        path = Path(folder) / "figure.svg"
        draw(path)
        text = path.read_text(encoding="utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
