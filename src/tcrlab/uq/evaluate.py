"""Evaluate a case document for a batch of input values, vectorised when the case allows it.

The batch's values (SI arrays, or strings) are substituted into a copy of the document as
``ureg.Quantity(array, "<SI unit>")`` and the case is built once; models that broadcast return arrays of
the batch length. A case that cannot take arrays (raises, or returns only scalars) is evaluated once
per sample instead. Non-numeric outputs (labels) are left out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tcrlab.errors import InputError, TcrlabError
from tcrlab.units import ureg
from tcrlab.uq.document import substituted

__all__ = ["Batch", "evaluate_batch", "resolve_builder"]

DEFAULT_BUILDER = "tcrlab.cases:build_case"


def resolve_builder(builder: str | Callable[..., Any]) -> Callable[..., Any]:
    """``"module:attribute"`` → the callable (``build_case(doc, source=...)``-compatible).

    Parameters
    ----------
    builder : str or callable
        ``"module:attribute"`` or the callable itself.

    Returns
    -------
    callable
        The case builder.
    """
    if callable(builder):
        return builder
    module, _, attribute = builder.partition(":")
    return getattr(importlib.import_module(module), attribute)


@dataclass(frozen=True)
class Batch:
    """One unit of work: the document, the values to substitute (path → array/str) and their units.

    Attributes
    ----------
    doc : Mapping
        The case document.
    values : Mapping
        Path → array (or text) of the values to substitute, in ``units``.
    units : Mapping of str to str
        Path → unit of its values.
    size : int
        Number of samples.
    source : str
        The case file, used in messages.
    builder : str or callable
        Builds a case from a document (:func:`tcrlab.cases.build_case` by default).
    tag : object
        Caller's label of the batch, carried along unchanged.
    """

    doc: Mapping[str, Any]
    values: Mapping[str, Any]
    units: Mapping[str, str]
    size: int
    source: str = "<case>"
    builder: str | Callable[..., Any] = DEFAULT_BUILDER
    tag: Any = None


def _wrap(value: Any, unit: str | None) -> Any:
    if isinstance(value, str) or unit is None:
        return value
    if unit == "dimensionless" and np.ndim(value) == 0:
        return float(value)
    return ureg.Quantity(np.asarray(value, dtype=float) if np.ndim(value) else float(value), unit)


def _outputs(case: Any) -> dict[str, Any]:
    out = case.outputs()
    if not isinstance(out, Mapping):
        raise TcrlabError(f"case.outputs() returned {type(out).__name__}, expected a dict of named results")
    return dict(out)


def _numeric_outputs(raw: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """The numeric outputs (labels such as the name of the bottleneck layer are left out)."""
    out = {}
    for name, value in raw.items():
        if isinstance(value, str | bytes) or value is None:
            continue
        try:
            out[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            continue
    return out


def evaluate_batch(batch: Batch) -> dict[str, np.ndarray]:
    """Outputs of the case for every sample of the batch: name → float array of length ``batch.size``.

    Parameters
    ----------
    batch : Batch
        The work.

    Returns
    -------
    dict of str to ndarray
        Output name → values, one per sample, in SI units.
    """
    build = resolve_builder(batch.builder)
    n = batch.size
    array_paths = [p for p, v in batch.values.items() if not isinstance(v, str) and np.ndim(v) > 0]
    if array_paths:
        try:
            doc = substituted(batch.doc, {p: _wrap(v, batch.units.get(p)) for p, v in batch.values.items()})
            out = _numeric_outputs(_outputs(build(doc, source=batch.source)))
            shapes = {k: v.shape for k, v in out.items()}
            if all(s == (n,) or s == () for s in shapes.values()) and any(s == (n,) for s in shapes.values()):
                return {k: np.broadcast_to(v, (n,)).astype(float) for k, v in out.items()}
        except (InputError, TcrlabError, TypeError, ValueError, IndexError):
            pass  # the case (or a model in it) does not take arrays: evaluate sample by sample
    rows: list[dict[str, np.ndarray]] = []
    for i in range(n):
        values = {
            p: _wrap(v if isinstance(v, str) or np.ndim(v) == 0 else np.asarray(v)[i], batch.units.get(p))
            for p, v in batch.values.items()
        }
        doc = substituted(batch.doc, values)
        rows.append(_numeric_outputs(_outputs(build(doc, source=batch.source))))
    names = list(rows[0]) if rows else []
    for k in names:
        if any(r[k].size != 1 for r in rows):
            raise TcrlabError(f"output {k!r} is not a scalar for a single sample")
    return {k: np.array([float(r[k].reshape(())) for r in rows]) for k in names}
