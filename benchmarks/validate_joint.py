"""Validation of tcrlab's joint models against published experimental contact-conductance data.

Run:  .venv/bin/python benchmarks/validate_joint.py [--plot docs/img/joint_validation.png]

Reads every ``tests/data/joint_*.csv`` (format below), predicts the measured conductance with
:class:`tcrlab.Joint` for the surface, materials and environment stated in the file header, prints
N, RMS log deviation, bias and RMS relative deviation per dataset and writes a log-log plot of measured
versus predicted conductance with the ±25 % band. Exits with status 1 (and writes no plot) when there is
no dataset: a validation figure is never drawn without measured data.

Dataset format (one file per specimen pair and environment; ``#`` header lines are ``key: value``)::

    # source: full citation (authors, year, title, journal, volume, pages, DOI)
    # location: the table or figure the numbers come from, e.g. "Table 4, test SS-1"
    # origin: table | digitised        (digitised = read off a figure: say so)
    # materials: SS304, SS304          (tcrlab registry keys of the two solids)
    # sigma_um: 4.0                    (combined RMS roughness, micrometres)
    # slope: 0.12                      (combined RMS slope)
    # c1_GPa: 6.27                     (Vickers coefficients of the softer solid ...)
    # c2: -0.23
    # microhardness_GPa: 3.0           (... or a plain microhardness instead of c1, c2)
    # k_s_W_mK: 18.0                   (optional harmonic-mean conductivity; default registry k(T))
    # temperature_K: 300               (mean interface temperature; a column overrides it)
    # environment: vacuum              (or a gas name: N2, He, Ar, air, H2, CO2)
    # gas_pressure_Pa: 101325          (gas only; a column overrides it)
    # tac: 0.9                         (optional accommodation coefficient; default correlation)
    # measured: h_c                    (h_c in vacuum, h_j in a gas)
    # contact_model: cmy               (optional, default cmy)
    # rms_bound: 0.25                  (RMS relative deviation accepted by the test, with its reason)
    # rms_bound_reason: model-vs-data scatter reported by the source, with table/page
    pressure_MPa,h_W_m2K[,temperature_K][,gas_pressure_Pa]
    0.52,1430
    ...
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "tests" / "data"
DATA_GLOB = "joint_*.csv"
DEFAULT_PLOT = ROOT / "docs" / "img" / "joint_validation.png"
BAND = 0.25  # ±25 % band drawn on the plot

_REQUIRED = ("source", "location", "origin", "materials", "sigma_um", "slope", "environment", "measured")
_FLOATS = {
    "sigma_um": 1e-6, "slope": 1.0, "c1_GPa": 1e9, "c2": 1.0, "microhardness_GPa": 1e9,
    "k_s_W_mK": 1.0, "temperature_K": 1.0, "gas_pressure_Pa": 1.0, "tac": 1.0, "rms_bound": 1.0,
}


class DatasetError(ValueError):
    """A dataset file that does not follow the format (names the file and the field)."""


@dataclass(frozen=True)
class Dataset:
    """One measured series: metadata (SI floats where numeric) and the measured points (SI)."""

    path: Path
    meta: dict[str, Any]
    pressure: np.ndarray  # Pa
    measured: np.ndarray  # W/(m² K)
    temperature: np.ndarray | None = None  # K, per point
    gas_pressure: np.ndarray | None = None  # Pa, per point

    @property
    def name(self) -> str:
        return self.path.stem.removeprefix("joint_")


@dataclass(frozen=True)
class Comparison:
    """Measured versus predicted conductance of one dataset and the deviation statistics."""

    dataset: Dataset
    predicted: np.ndarray
    warnings: tuple[str, ...] = field(default=())

    @property
    def n(self) -> int:
        return int(self.predicted.size)

    @property
    def stats(self) -> dict[str, float]:
        return deviation_stats(self.dataset.measured, self.predicted)


def deviation_stats(measured: Sequence[float] | np.ndarray, predicted: Sequence[float] | np.ndarray) -> dict[str, float]:
    """RMS of ln(pred/meas), its mean (bias; exp(bias) is the geometric-mean ratio), RMS and mean of the
    relative deviation (pred − meas)/meas, and the largest |relative deviation|."""
    meas = np.asarray(measured, dtype=float)
    pred = np.asarray(predicted, dtype=float)
    if meas.shape != pred.shape or meas.size == 0:
        raise ValueError("measured and predicted must be non-empty arrays of the same shape")
    if np.any(meas <= 0) or np.any(pred <= 0) or not np.all(np.isfinite(pred)):
        raise ValueError("conductances must be positive and finite")
    d = np.log(pred / meas)
    rel = pred / meas - 1.0
    return {
        "rms_log": float(np.sqrt(np.mean(d * d))),
        "bias_log": float(np.mean(d)),
        "rms_rel": float(np.sqrt(np.mean(rel * rel))),
        "bias_rel": float(np.mean(rel)),
        "max_abs_rel": float(np.max(np.abs(rel))),
    }


def _parse_header(lines: Iterable[str], path: Path) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for raw in lines:
        text = raw.strip().lstrip("#").strip()
        if not text or ":" not in text:
            continue
        key, value = (s.strip() for s in text.split(":", 1))
        if key in meta:
            raise DatasetError(f"{path.name}: header key {key!r} given twice")
        meta[key] = value
    missing = [k for k in _REQUIRED if not meta.get(k)]
    if missing:
        raise DatasetError(f"{path.name}: header is missing {', '.join(missing)} (see {Path(__file__).name})")
    for key, scale in _FLOATS.items():
        if key in meta:
            try:
                meta[key] = float(meta[key]) * scale
            except ValueError:
                raise DatasetError(f"{path.name}: header {key!r} = {meta[key]!r} is not a number") from None
    mats = [s.strip() for s in str(meta["materials"]).split(",") if s.strip()]
    if len(mats) != 2:
        raise DatasetError(f"{path.name}: materials must name two solids, got {meta['materials']!r}")
    meta["materials"] = tuple(mats)
    if meta["origin"] not in ("table", "digitised"):
        raise DatasetError(f"{path.name}: origin must be 'table' or 'digitised', got {meta['origin']!r}")
    if meta["measured"] not in ("h_c", "h_j"):
        raise DatasetError(f"{path.name}: measured must be 'h_c' or 'h_j', got {meta['measured']!r}")
    has_vickers = "c1_GPa" in meta and "c2" in meta
    if not has_vickers and "microhardness_GPa" not in meta:
        raise DatasetError(f"{path.name}: give c1_GPa and c2, or microhardness_GPa")
    gas = str(meta["environment"]).strip().lower()
    meta["environment"] = gas
    if gas != "vacuum" and meta["measured"] == "h_c":
        raise DatasetError(f"{path.name}: in a gas the measured quantity is the joint conductance h_j")
    return meta


def load_dataset(path: str | Path) -> Dataset:
    """Read one dataset file (format in the module docstring); values converted to SI."""
    p = Path(path)
    text = p.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in text if ln.lstrip().startswith("#")]
    body = [ln for ln in text if ln.strip() and not ln.lstrip().startswith("#")]
    meta = _parse_header(header, p)
    rows = list(csv.reader(body))
    if len(rows) < 2:
        raise DatasetError(f"{p.name}: needs a column header line and at least one data row")
    cols = [c.strip() for c in rows[0]]
    for need in ("pressure_MPa", "h_W_m2K"):
        if need not in cols:
            raise DatasetError(f"{p.name}: column {need!r} missing (columns: {cols})")
    try:
        table = np.array([[float(v) for v in r] for r in rows[1:]], dtype=float)
    except ValueError as exc:
        raise DatasetError(f"{p.name}: non-numeric data ({exc})") from None
    if table.ndim != 2 or table.shape[1] != len(cols):
        raise DatasetError(f"{p.name}: every data row needs {len(cols)} values")

    def column(name: str, scale: float) -> np.ndarray | None:
        return table[:, cols.index(name)] * scale if name in cols else None

    pressure = column("pressure_MPa", 1e6)
    measured = column("h_W_m2K", 1.0)
    assert pressure is not None and measured is not None
    if np.any(pressure <= 0) or np.any(measured <= 0):
        raise DatasetError(f"{p.name}: pressures and conductances must be positive")
    temperature = column("temperature_K", 1.0)
    gas_pressure = column("gas_pressure_Pa", 1.0)
    if temperature is None and "temperature_K" not in meta:
        raise DatasetError(f"{p.name}: give temperature_K in the header or as a column")
    if meta["environment"] != "vacuum" and gas_pressure is None and "gas_pressure_Pa" not in meta:
        raise DatasetError(f"{p.name}: a gas environment needs gas_pressure_Pa (header or column)")
    return Dataset(p, meta, pressure, measured, temperature, gas_pressure)


def predict(ds: Dataset) -> tuple[np.ndarray, tuple[str, ...]]:
    """tcrlab's prediction of the measured quantity (h_c in vacuum, h_j in a gas), W/(m² K)."""
    import tcrlab

    meta = ds.meta
    t = ds.temperature if ds.temperature is not None else meta["temperature_K"]
    kw: dict[str, Any] = {
        "pressure": ds.pressure, "sigma": meta["sigma_um"], "slope": meta["slope"], "temperature": t,
        "contact_model": meta.get("contact_model", "cmy"), "radiation": False,
    }
    if "c1_GPa" in meta:
        kw.update(c1=meta["c1_GPa"], c2=meta["c2"])
    else:
        kw["microhardness"] = meta["microhardness_GPa"]
    if "k_s_W_mK" in meta:
        kw["conductivity"] = meta["k_s_W_mK"]
    if meta["environment"] == "vacuum":
        kw["gas"] = "vacuum"
    else:
        kw["gas"] = meta["environment"]
        kw["gas_pressure"] = ds.gas_pressure if ds.gas_pressure is not None else meta["gas_pressure_Pa"]
        if "tac" in meta:
            kw["tac"] = meta["tac"]
    solid1, solid2 = meta["materials"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = tcrlab.Joint(solid1, solid2, **kw).evaluate(emit_warnings=False)
    value = result.h_c if meta["measured"] == "h_c" else result.h_j
    return np.broadcast_to(np.asarray(value, dtype=float), ds.pressure.shape).copy(), result.warnings


def dataset_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob(DATA_GLOB))


def compare_all(paths: Iterable[Path]) -> list[Comparison]:
    out = []
    for path in paths:
        ds = load_dataset(path)
        pred, notes = predict(ds)
        out.append(Comparison(ds, pred, notes))
    return out


def format_table(comparisons: Sequence[Comparison]) -> str:
    lines = [f"{'dataset':28s} {'N':>3s} {'RMS ln':>7s} {'bias ln':>8s} {'RMS rel':>8s} {'max|rel|':>8s}  origin"]
    for c in comparisons:
        s = c.stats
        lines.append(f"{c.dataset.name:28s} {c.n:3d} {s['rms_log']:7.3f} {s['bias_log']:+8.3f} "
                     f"{s['rms_rel']:8.3f} {s['max_abs_rel']:8.3f}  {c.dataset.meta['origin']}")
    if comparisons:
        meas = np.concatenate([c.dataset.measured for c in comparisons])
        pred = np.concatenate([c.predicted for c in comparisons])
        s = deviation_stats(meas, pred)
        lines.append(f"{'all':28s} {meas.size:3d} {s['rms_log']:7.3f} {s['bias_log']:+8.3f} "
                     f"{s['rms_rel']:8.3f} {s['max_abs_rel']:8.3f}")
    return "\n".join(lines)


def plot(comparisons: Sequence[Comparison], path: str | Path) -> Path:
    """Log-log measured vs predicted conductance with the 1:1 line and the ±25 % band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tcrlab.fileio import save_figure

    if not comparisons:
        raise ValueError("no comparisons to plot")
    fig, ax = plt.subplots(figsize=(5.5, 5.0))
    lo = min(min(c.dataset.measured.min(), c.predicted.min()) for c in comparisons) / 1.5
    hi = max(max(c.dataset.measured.max(), c.predicted.max()) for c in comparisons) * 1.5
    x = np.geomspace(lo, hi, 50)
    ax.plot(x, x, "k-", lw=1, label="predicted = measured")
    ax.fill_between(x, (1 - BAND) * x, (1 + BAND) * x, color="0.85", label=f"±{BAND:.0%}")
    for c in comparisons:
        mark = "o" if c.dataset.meta["origin"] == "table" else "s"
        ax.loglog(c.dataset.measured, c.predicted, mark, ms=4, mfc="none",
                  label=f"{c.dataset.name} ({c.dataset.meta['measured']}, N={c.n})")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel("measured h  [W/(m² K)]")
    ax.set_ylabel("tcrlab predicted h  [W/(m² K)]")
    ax.set_title("tcrlab joint models vs experiment")
    ax.legend(fontsize=7, loc="upper left")
    ax.grid(True, which="both", lw=0.3)
    return save_figure(fig, path, dpi=150)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--plot", type=Path, default=DEFAULT_PLOT)
    args = ap.parse_args(argv)
    paths = dataset_paths(args.data_dir)
    if not paths:
        print(f"no datasets matching {DATA_GLOB} in {args.data_dir}: nothing validated, no plot written "
              "(see docs/joint-validation.md)", file=sys.stderr)
        return 1
    comparisons = compare_all(paths)
    print(format_table(comparisons))
    written = plot(comparisons, args.plot)
    print(f"plot: {written}")
    return 0 if all(math.isfinite(c.stats["rms_log"]) for c in comparisons) else 1


if __name__ == "__main__":
    raise SystemExit(main())
