"""Case files: one TOML document describes a stack, a joint, a Kapitza interface, ...

``load_case(path)`` reads the file, adds any inline ``[materials.<key>]`` tables to the registry, detects the
kind (``[case] kind = "..."``, else from the top-level tables present) and hands the document to
``tcrlab.cases.<kind>.from_document(doc, source=..., registry=...)``, which returns a Case: an object with
``kind`` and ``outputs() -> dict[str, float | ndarray]`` (named SI results; Monte Carlo and sweeps use these).
"""

from __future__ import annotations

import difflib
import importlib
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from tcrlab.errors import CaseFileError
from tcrlab.materials.registry import MaterialRegistry, default_registry, registry_from_toml

__all__ = ["CASE_KINDS", "CASE_TABLES", "Case", "build_case", "check_tables", "detect_kind", "load_case", "load_document"]

# kind -> module providing from_document(); the marker tables that identify the kind
CASE_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "stack": ("tcrlab.cases.stack", ("layer", "layers", "stack")),
    "joint": ("tcrlab.cases.joint", ("joint",)),
    "kapitza": ("tcrlab.cases.kapitza", ("kapitza",)),
    "fem": ("tcrlab.cases.fem", ("body",)),
}


# Top-level tables each kind reads besides its markers; every other top-level name is an error (a typo
# such as [solvr] would otherwise drop its settings without a word). A kind missing here is not checked.
COMMON_TABLES: tuple[str, ...] = ("case", "materials", "sources")
CASE_TABLES: dict[str, tuple[str, ...]] = {
    "stack": ("boundary", "solver", "variant", "transient"),
    "joint": (),
    "kapitza": (),
}


def check_tables(doc: Mapping[str, Any], kind: str, *, source: str = "<case>") -> None:
    """Refuse an unknown top-level table of a ``kind`` case, naming the closest valid name.

    A typo such as ``[solvr]`` would otherwise drop its settings without a word.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    kind : str
        The case kind (a kind without a list of tables is not checked).
    source : str
        The file name used in the message.

    Raises
    ------
    CaseFileError
        Naming the table, the closest valid name and all valid tables.

    Examples
    --------
    >>> check_tables({"layer": [], "solvr": {}}, "stack")
    Traceback (most recent call last):
    ...
    tcrlab.errors.CaseFileError: <case>: unknown table [solvr] in a stack case; did you mean [solver]? ...
    """
    if kind not in CASE_TABLES:
        return
    valid = (*COMMON_TABLES, *CASE_KINDS[kind][1], *CASE_TABLES[kind])
    for key in doc:
        if key in valid:
            continue
        close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
        hint = f"did you mean [{close[0]}]? " if close else ""
        raise CaseFileError(
            f"{source}: unknown table [{key}] in a {kind} case; {hint}valid: "
            + ", ".join(f"[{v}]" for v in valid)
        )


class Case(Protocol):
    """What every case kind returns: its ``kind`` and its named SI results.

    Attributes
    ----------
    kind : str
        ``"stack"``, ``"joint"``, ``"kapitza"``, ``"fem"``...

    Methods
    -------
    outputs()
        Named results in SI units (dict of str to float or ndarray); Monte Carlo and sweeps use these.
    """
    kind: str

    def outputs(self) -> dict[str, Any]: ...


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a TOML case file; a missing or malformed file is a CaseFileError naming it.

    Parameters
    ----------
    path : str or Path
        The case file.

    Returns
    -------
    dict
        The parsed document.

    Raises
    ------
    CaseFileError
        When the file is missing, unreadable or not valid TOML.
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: case file not found") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{path}: cannot read the case file ({exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(f"{path}: not valid TOML ({exc}); see examples/ for the format") from None


def detect_kind(doc: Mapping[str, Any], *, source: str = "<case>") -> str:
    """The kind of a case document: ``[case] kind = "..."``, else the one kind whose marker tables it has.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.

    Returns
    -------
    str
        A key of :data:`CASE_KINDS`.

    Raises
    ------
    CaseFileError
        For an unknown declared kind, or when no kind or more than one is recognised.

    Examples
    --------
    >>> detect_kind({"kapitza": {"material1": "Al", "material2": "sapphire"}})
    'kapitza'
    """
    declared = doc.get("case", {}).get("kind") if isinstance(doc.get("case"), Mapping) else None
    if declared is not None:
        if declared not in CASE_KINDS:
            raise CaseFileError(
                f"{source}: case.kind = {declared!r} is unknown; valid: {', '.join(CASE_KINDS)}"
            )
        return str(declared)
    found = [kind for kind, (_, markers) in CASE_KINDS.items() if any(m in doc for m in markers)]
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise CaseFileError(
            f"{source}: {what} case kind recognised; give [case] kind = one of {', '.join(CASE_KINDS)} "
            "(a stack has [[layer]] tables, a joint a [joint] table, a Kapitza case a [kapitza] table, an FE assembly [[body]] tables)"
        )
    return found[0]


def case_registry(doc: Mapping[str, Any], *, source: str, base: MaterialRegistry | None = None) -> MaterialRegistry:
    """The packaged registry plus the document's inline ``[materials.<key>]`` tables.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.
    base : MaterialRegistry, optional
        The registry to extend (the packaged one by default).

    Returns
    -------
    MaterialRegistry
        ``base`` itself when the document has no materials, else an extended copy.
    """
    base = base or default_registry()
    if "materials" not in doc:
        return base
    inline = registry_from_toml({"materials": doc["materials"], "sources": doc.get("sources", {})}, origin=source)
    return base.extended(dict(inline.items()))


def build_case(doc: Mapping[str, Any], *, source: str = "<case>", registry: MaterialRegistry | None = None) -> Case:
    """Build the case a parsed document describes.

    Detects the kind, checks the top-level tables, adds the inline materials to the registry and hands the
    document to ``tcrlab.cases.<kind>.from_document``.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.
    registry : MaterialRegistry, optional
        The registry the inline materials extend (the packaged one by default).

    Returns
    -------
    Case
        The case; ``outputs()`` computes its results.

    Raises
    ------
    CaseFileError
        For a malformed document.

    Examples
    --------
    >>> case = build_case({"kapitza": {"material1": "Al", "material2": "sapphire", "temperature": "300 K"}})
    >>> f"{float(case.outputs()['h_amm'][0]):.3g} W/(m² K)"
    '8.12e+08 W/(m² K)'
    """
    kind = detect_kind(doc, source=source)
    check_tables(doc, kind, source=source)
    module = importlib.import_module(CASE_KINDS[kind][0])
    return module.from_document(doc, source=source, registry=case_registry(doc, source=source, base=registry))


def load_case(path: str | Path, *, registry: MaterialRegistry | None = None) -> Case:
    """Read a TOML case file and build its case (stack, joint, Kapitza interface, FE assembly).

    Parameters
    ----------
    path : str or Path
        The case file.
    registry : MaterialRegistry, optional
        The registry its inline ``[materials.<key>]`` tables extend (the packaged one by default).

    Returns
    -------
    Case
        An object with ``kind`` and ``outputs()``, the named SI results.

    Raises
    ------
    CaseFileError
        When the file is missing, not valid TOML, or describes no known case.

    Examples
    --------
    >>> from importlib import resources
    >>> case = load_case(resources.files("tcrlab") / "examples" / "cpu_heatsink.toml")
    >>> case.kind
    'stack'
    >>> round(case.outputs()["R_total"], 4)  # K/W
    0.3717
    """
    return build_case(load_document(path), source=str(path), registry=registry)
