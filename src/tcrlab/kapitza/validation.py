"""AMM, DMM and the phonon radiation limit against measured thermal boundary conductances.

For every row of :func:`tcrlab.kapitza.tbc_data.modelled_rows` (no interlayer, both solids described) the
models are evaluated at the measured temperature with tcrlab's defaults (full elastic AMM, branch Debye
cutoff, emitted-phonon temperature); DMM is also given with the common cutoff, because room-temperature
Debye DMM depends strongly on that choice. No phonon spectra better than Debye are shipped, so "DMM with a
better spectrum" is not part of the comparison. :func:`statistics` condenses the errors per model and per
interface class: log-RMS error and bias in decades (log10 h_model/h_measured) and the fraction of rows
within a factor 2. Metal/metal interfaces are electron-dominated — phonon models are not meant for them;
they are reported separately for completeness.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from tcrlab.errors import ValidityWarning

__all__ = ["CLASSES", "MODELS", "physics_predictions", "statistics"]

MODELS = {"h_amm": "AMM (full, branch cutoff)", "h_dmm": "DMM (Debye, branch cutoff)",
          "h_dmm_common": "DMM (Debye, common cutoff)", "h_limit": "phonon radiation limit"}
CLASSES = ("all", "metal/dielectric", "dielectric/dielectric", "metal/metal")


def physics_predictions() -> Any:
    """The modelled rows with the AMM, DMM and phonon-radiation-limit conductances at each row's T.

    Returns
    -------
    pandas.DataFrame
        :func:`~tcrlab.kapitza.tbc_data.modelled_rows` with columns h_amm, h_dmm, h_dmm_common and
        h_limit [W/(m² K)].
    """
    from tcrlab.kapitza.amm import amm_conductance
    from tcrlab.kapitza.dmm import dmm_conductance
    from tcrlab.kapitza.landauer import phonon_radiation_limit
    from tcrlab.kapitza.tbc_data import modelled_rows

    rows = modelled_rows().copy()
    for col in MODELS:
        rows[col] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)  # T ≳ Θ_D/4: stated in the docs, not per row
        for (k1, k2), g in rows.groupby(["key1", "key2"], sort=False):
            t = g["T_K"].to_numpy()
            rows.loc[g.index, "h_amm"] = amm_conductance(k1, k2, t)
            rows.loc[g.index, "h_dmm"] = dmm_conductance(k1, k2, t)
            rows.loc[g.index, "h_dmm_common"] = dmm_conductance(k1, k2, t, cutoff="common")
            rows.loc[g.index, "h_limit"] = phonon_radiation_limit(k1, k2, t)
    return rows


def statistics(rows: Any, columns: dict[str, str]) -> Any:
    """Per model and interface class: n, log_rms and bias [decades], within_2x [fraction].

    Parameters
    ----------
    rows : pandas.DataFrame
        Measured rows with ``h``, ``pair``, ``pair_class`` and one column per model [W/(m² K)].
    columns : dict of str to str
        Model column name to its label.

    Returns
    -------
    pandas.DataFrame
        One row per model and class with columns model, class, n, pairs, log_rms, bias and within_2x.

    Examples
    --------
    >>> stats = statistics(physics_predictions(), MODELS)
    >>> round(float(stats.query("model == 'AMM (full, branch cutoff)' and `class` == 'all'")["log_rms"].iloc[0]), 2)
    1.43
    """
    import pandas as pd

    out = []
    for col, label in columns.items():
        for cls in CLASSES:
            sel = rows if cls == "all" else rows[rows["pair_class"] == cls]
            r = np.log10(sel[col].to_numpy() / sel["h"].to_numpy())
            out.append({"model": label, "class": cls, "n": int(r.size), "pairs": int(sel["pair"].nunique()),
                        "log_rms": float(np.sqrt(np.mean(r**2))), "bias": float(np.mean(r)),
                        "within_2x": float(np.mean(np.abs(r) <= np.log10(2.0)))})
    return pd.DataFrame(out)
