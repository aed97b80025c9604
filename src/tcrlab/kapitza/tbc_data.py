"""Measured thermal boundary conductances (Wu, Fang & Xu 2019 compilation) and the rows tcrlab can model.

Source: Y.-J. Wu, L. Fang and Y. Xu, "Predicting interfacial thermal resistance by machine learning",
npj Comput. Mater. 5, 56 (2019), data set Zenodo 10.5281/zenodo.3361417: 1 330 measured TBCs of 215
solid–solid interfaces (1–600 K) compiled from 115 papers (TDTR, FDTR, 3ω, thermometry, Raman, …), copied
from the MIT-licensed OpenKapitza repository (``data/tbc_measured_wu2019.csv``, provenance header kept;
the 115 original papers are in ``data/tbc_measured_wu2019_references.csv``). Many values were read from
figures of the original papers; rows with ``interlayer_flag = 1`` are effective conductances through an
intermediate layer and are left out here.

:func:`modelled_rows` keeps the rows without interlayer whose two solids are registry materials with
density, sound speeds and Debye temperature (:data:`DATA_NAMES` maps the compilation's names), and labels
each interface metal/dielectric, dielectric/dielectric or metal/metal (registry ``category``: "metal" is a
metal — Bi counted as one — everything else a dielectric/semiconductor; HOPG, a semimetal with phonon heat
carriers, as a dielectric).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from io import StringIO
from typing import Any

import numpy as np

__all__ = ["DATA_NAMES", "SOURCE", "load_measurements", "modelled_rows", "pair_class"]

SOURCE = ("Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019) compilation of 115 papers (Zenodo "
          "10.5281/zenodo.3361417)")

#: compilation name -> registry key ("C" is diamond only where the substrate details say so)
DATA_NAMES = {
    "Al": "Al", "Al2O3": "sapphire", "AlN": "AlN", "Au": "Au", "Bi": "Bi", "C": "diamond", "Cr": "Cr",
    "Cu": "Cu", "GaAs": "GaAs", "GaN": "GaN", "GaSb": "GaSb", "Ge": "Ge", "Ir": "Ir", "Mo": "Mo", "MgO": "MgO",
    "Nb": "Nb", "Ni": "Ni", "Pb": "Pb", "Pd": "Pd", "Pt": "Pt", "Si": "Si", "Sn": "Sn", "Ta": "Ta", "Ti": "Ti",
    "W": "W", "Zr": "Zr", "g-C": "HOPG", "Ag": "Ag", "In": "In", "a-SiO2": "a-SiO2", "BaF2": "BaF2",
}
_ACOUSTIC = ("density", "sound_speed_longitudinal", "sound_speed_transverse", "debye_temperature")


@cache
def load_measurements() -> Any:
    """All 1 330 rows of the packaged compilation (pandas DataFrame; TBC in W/(m² K) as column ``h``)."""
    import pandas as pd

    text = resources.files("tcrlab.kapitza").joinpath("data/tbc_measured_wu2019.csv").read_text("utf-8")
    df = pd.read_csv(StringIO(text), comment="#")
    df["h"] = df["TBC_MW_per_m2K"].astype(float) * 1e6
    return df


def _key(name: str, details: Any) -> str | None:
    key = DATA_NAMES.get(str(name).strip())
    if key == "diamond" and "iamond" not in str(details):
        return None
    return key


def pair_class(m1: Any, m2: Any) -> str:
    """The class of an interface: "metal/metal", "metal/dielectric" or "dielectric/dielectric".

    Parameters
    ----------
    m1, m2 : Material
        The two materials (their registry ``category`` decides).

    Returns
    -------
    str
        The class name.

    Examples
    --------
    >>> from tcrlab.materials import get_material
    >>> pair_class(get_material("Al"), get_material("sapphire"))
    'metal/dielectric'
    """
    metals = sum(m.category == "metal" for m in (m1, m2))
    return ("dielectric/dielectric", "metal/dielectric", "metal/metal")[metals]


@cache
def modelled_rows() -> Any:
    """The rows tcrlab can model (no interlayer, both solids described): DataFrame with ``row_id``,
    ``interface_id``, ``film``, ``substrate``, registry keys ``key1`` (film) and ``key2`` (substrate),
    ``T_K`` [K], measured ``h`` [W/(m² K)], ``pair`` (sorted key pair, the CV group) and ``pair_class``.

    Examples
    --------
    >>> rows = modelled_rows()
    >>> len(rows), rows["pair"].nunique()
    (479, 66)
    """
    from tcrlab.materials import default_registry

    reg = default_registry()
    df = load_measurements()
    df = df[(df["interlayer_flag"] == 0) & np.isfinite(df["h"]) & (df["h"] > 0)].copy()
    df["key1"] = [_key(f, "") for f in df["film"]]
    df["key2"] = [_key(s, d) for s, d in zip(df["substrate"], df["substrate_details"], strict=True)]
    df = df[df["key1"].notna() & df["key2"].notna()].copy()

    def described(key: str) -> bool:
        m = reg.get_material(key)
        return all(getattr(m, p) is not None for p in _ACOUSTIC)

    ok = [described(a) and described(b) for a, b in zip(df["key1"], df["key2"], strict=True)]
    df = df[ok].copy()
    df["T_K"] = df["T_K"].astype(float)
    df["pair"] = ["/".join(sorted((a, b))) for a, b in zip(df["key1"], df["key2"], strict=True)]
    df["pair_class"] = [pair_class(reg.get_material(a), reg.get_material(b))
                        for a, b in zip(df["key1"], df["key2"], strict=True)]
    cols = ["row_id", "interface_id", "film", "substrate", "key1", "key2", "T_K", "h", "pair", "pair_class", "method",
            "ref_id"]
    return df[cols].reset_index(drop=True)
