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
    """CaseFileError naming an unknown top-level table of a ``kind`` case and the closest valid name."""
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
    kind: str

    def outputs(self) -> dict[str, Any]: ...


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a TOML case file; a missing or malformed file is a CaseFileError naming it."""
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
    """The packaged registry plus the document's inline ``[materials.<key>]`` tables."""
    base = base or default_registry()
    if "materials" not in doc:
        return base
    inline = registry_from_toml({"materials": doc["materials"], "sources": doc.get("sources", {})}, origin=source)
    return base.extended(dict(inline.items()))


def build_case(doc: Mapping[str, Any], *, source: str = "<case>", registry: MaterialRegistry | None = None) -> Case:
    kind = detect_kind(doc, source=source)
    check_tables(doc, kind, source=source)
    module = importlib.import_module(CASE_KINDS[kind][0])
    return module.from_document(doc, source=source, registry=case_registry(doc, source=source, base=registry))


def load_case(path: str | Path, *, registry: MaterialRegistry | None = None) -> Case:
    return build_case(load_document(path), source=str(path), registry=registry)
