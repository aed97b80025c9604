"""The gas in the gaps of a joint: its conductivity, mean free path, accommodation and rarefaction M.

One function, :func:`gap_gas`, serves :class:`tcrlab.Joint` (``tcrlab joint``, case files) and the
numerical contact (``tcrlab contact``), so that the same gas input gives the same k_g, TAC₁, TAC₂ and
M = αβΛ everywhere, and a bad gas input is the same error everywhere.

* gas properties: CoolProp, :func:`tcrlab.properties.gases.gas_properties` (one call per distinct
  (T, p) state);
* accommodation coefficients: given (one value or a pair in (0, 1]) or the Song–Yovanovich correlation
  (:func:`tcrlab.properties.accommodation.accommodation_coefficient`, needs the solids' molar masses);
* M = αβΛ: :func:`tcrlab.conductance.gap.rarefaction_parameter` (Yovanovich, De Vaal & Hegazy,
  AIAA-82-0888, 1982; Song, Yovanovich & Goodman, J. Heat Transfer 115 (1993) 533–540).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.conductance.gap import rarefaction_parameter
from tcrlab.errors import InputError
from tcrlab.properties.accommodation import accommodation_coefficient
from tcrlab.validation import require_in_range, require_positive

__all__ = ["MAX_GAS_STATES", "VACUUM_NAMES", "GapGas", "gap_gas", "is_vacuum"]

VACUUM_NAMES = ("vacuum", "none", "")
MAX_GAS_STATES = 5000  # distinct (T, p) CoolProp states per call (≈0.1 ms each, cached)


def is_vacuum(gas: str | None) -> bool:
    """True for no gas: None, "vacuum", "none" or "" (any case).

    Parameters
    ----------
    gas : str or None
        Gas name as given by the user [-].

    Returns
    -------
    bool
        Whether ``gas`` means vacuum.

    Examples
    --------
    >>> is_vacuum("Vacuum"), is_vacuum("air")
    (True, False)
    """
    return gas is None or str(gas).strip().lower() in VACUUM_NAMES


@dataclass(frozen=True)
class GapGas:
    """The gas state of a joint's gaps (arrays when T or p were arrays).

    k_gas [W/(m K)], mean_free_path Λ [m], tac1, tac2 [-], M = αβΛ [m]; ``tac_source`` says whether the
    accommodation coefficients were given or correlated.

    Attributes
    ----------
    gas : str
        Gas name.
    k_gas : float or ndarray
        Gas thermal conductivity [W/(m·K)].
    mean_free_path : float or ndarray
        Molecular mean free path Λ [m].
    tac1, tac2 : float or ndarray
        Thermal accommodation coefficients at the two surfaces [-].
    M : float or ndarray
        Gas rarefaction parameter M = αβΛ [m].
    tac_source : str
        Whether the accommodation coefficients were given or correlated.
    """

    gas: str
    k_gas: Any
    mean_free_path: Any
    tac1: Any
    tac2: Any
    M: Any
    tac_source: str


def _tac_pair(tac: Any) -> tuple[Any, Any]:
    if isinstance(tac, str) or not isinstance(tac, Sequence):
        a1 = a2 = tac
    elif len(tac) == 2:
        a1, a2 = tac
    elif len(tac) == 1:
        a1 = a2 = tac[0]
    else:
        raise InputError("tac", tac, "one accommodation coefficient or a pair [side 1, side 2]")
    why = "an accommodation coefficient lies in (0, 1]"
    return (require_in_range("tac", a1, 0.0, 1.0, low_inclusive=False, why=why),
            require_in_range("tac", a2, 0.0, 1.0, low_inclusive=False, why=why))


def gap_gas(gas: str, temperature: ArrayLike, gas_pressure: ArrayLike, solids: Sequence[Any],
            tac: Any = None) -> GapGas:
    """Gas properties, accommodation coefficients and rarefaction parameter M of a joint's gaps.

    Parameters
    ----------
    gas : "air", "N2", "He", "Ar", "H2" or "CO2" (see :data:`tcrlab.properties.gases.GAS_NAMES`).
    temperature : gas temperature T [K] (broadcasts with ``gas_pressure``).
    gas_pressure : gas pressure [Pa].
    solids : the two solids (:class:`~tcrlab.materials.Material`: ``key`` and ``molar_mass`` [kg/mol]).
    tac : thermal accommodation coefficient(s), one value or a pair, each in (0, 1]; default the
        Song–Yovanovich correlation from the gas and solid molar masses.

    Returns
    -------
    GapGas. InputError naming ``gas``, ``gas_pressure`` or ``tac`` for a bad input — also when ``tac`` is
    not given and a solid has no molar mass (no silent TAC = 1).

    References
    ----------
    Song & Yovanovich, ASME HTD-Vol. 69 (1987) (accommodation correlation); Yovanovich,
    De Vaal & Hegazy, AIAA-82-0888 (1982) and Song, Yovanovich & Goodman, J. Heat Transfer 115 (1993)
    533–540 (M = αβΛ).

    Examples
    --------
    >>> from tcrlab.materials import get_material
    >>> g = gap_gas("air", 300.0, 101325.0, [get_material("SS304")] * 2, tac=0.8)
    >>> g.tac1, g.tac_source
    (0.8, 'given')
    """
    from tcrlab.properties.gases import gas_properties, normalise_gas

    name = normalise_gas(str(gas))
    t = require_positive("temperature", temperature)
    pg = require_positive("gas_pressure", gas_pressure)
    tb, pb = np.broadcast_arrays(t, pg)
    pairs = np.stack([tb.ravel(), pb.ravel()], axis=1)
    uniq, inverse = np.unique(pairs, axis=0, return_inverse=True)
    if len(uniq) > MAX_GAS_STATES:
        raise InputError("temperature/gas_pressure", f"{len(uniq)} distinct states",
                         f"at most {MAX_GAS_STATES} distinct (T, gas pressure) states per evaluation")
    states = [gas_properties(name, float(ti), float(pi)) for ti, pi in uniq]
    inverse = np.asarray(inverse).ravel()

    def col(attr: str) -> np.ndarray:
        vals = np.array([getattr(s, attr) for s in states])
        return vals[inverse].reshape(tb.shape)

    k_g, gamma, pr, lam, molar = (col(a) for a in
                                  ("thermal_conductivity", "gamma", "prandtl", "mean_free_path", "molar_mass"))
    if tac is not None:
        tac1, tac2 = _tac_pair(tac)
        source = "given"
    else:
        s1, s2 = solids[0], solids[-1]
        missing = [s.key for s in (s1, s2) if s.molar_mass is None]
        if missing:
            raise InputError("tac", None, "an accommodation coefficient in (0, 1] (the registry has no "
                             f"molar mass for {missing[0]})")
        tac1 = accommodation_coefficient(molar, s1.molar_mass, tb, monatomic=states[0].monatomic)
        tac2 = accommodation_coefficient(molar, s2.molar_mass, tb, monatomic=states[0].monatomic)
        source = "Song-Yovanovich correlation"
    big_m = np.asarray(rarefaction_parameter(tac1, tac2, gamma, pr, lam))
    return GapGas(gas=name, k_gas=_out(k_g), mean_free_path=_out(lam), tac1=_out(tac1), tac2=_out(tac2),
                  M=_out(big_m), tac_source=source)
