"""Structure functions: the cumulative and differential heat-capacity maps of a heat path.

The cumulative structure function C_Σ(R_Σ) plots, walking from the heated junction towards the sink, the
heat capacity gathered against the resistance passed (Protonotarios & Wing 1967; Székely & Van Bien 1988):
for a Cauer ladder R_Σ,i = Σ_{j<i} R_j, C_Σ,i = Σ_{j≤i} C_j. The differential structure function
K = dC_Σ/dR_Σ (per cell K_i = C_i/R_i) equals ρ c k A² in a 1-D region of cross-section A. A uniform slab is a
straight line of slope ρ c k A²; a massless interface (contact, thin TIM) is a horizontal step of its
resistance; the isothermal sink is the vertical asymptote at R_Σ = R_total.

References
----------
E. N. Protonotarios and O. Wing, "Theory of nonuniform RC lines", IEEE Trans. Circuit Theory 14, 2–12
(1967). V. Székely and T. Van Bien, Solid-State Electronics 31, 1363–1368 (1988). JEDEC JESD51-14 (2010),
structure-function evaluation of the junction-to-case resistance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.transient.ladders import foster_to_cauer
from tcrlab.validation import require_positive

__all__ = ["StructureFunction", "interface_marks", "layered_structure_function", "structure_function"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class StructureFunction:
    """Cumulative structure function: C_cum [J/K] against R_cum [K/W] at the ladder's nodes, and the
    differential K [J/K²] per cell (plotted at the cells' mid resistances ``R_mid``).

    Attributes
    ----------
    R_cum : ndarray
        Cumulative resistance at the ladder's nodes [K/W].
    C_cum : ndarray
        Cumulative capacitance at the ladder's nodes [J/K].
    R_mid : ndarray
        Mid resistance of each cell [K/W].
    K : ndarray
        Differential structure function per cell [J/K²].
    """

    R_cum: Array
    C_cum: Array
    R_mid: Array
    K: Array

    def capacitance_at(self, r: ArrayLike) -> Array:
        """C_Σ at resistance r [K/W] (log-linear interpolation of the staircase)."""
        return np.exp(np.interp(r, self.R_cum, np.log(np.maximum(self.C_cum, 1e-300))))

    def resistance_at(self, c: ArrayLike) -> Array:
        """R_Σ at which C_Σ reaches c [J/K] (the inverse of the monotone staircase)."""
        return np.interp(np.log(c), np.log(np.maximum(self.C_cum, 1e-300)), self.R_cum)

    def to_dict(self) -> dict[str, Any]:
        return {"R_cum_K_per_W": self.R_cum, "C_cum_J_per_K": self.C_cum, "R_mid_K_per_W": self.R_mid,
                "K_J_per_K2": self.K}


def structure_function(R: ArrayLike, C: ArrayLike | None = None, *, tau: ArrayLike | None = None) -> StructureFunction:
    """Cumulative and differential structure function of a Cauer ladder (or of a Foster network).

    Parameters
    ----------
    R : array_like
        Cauer resistances [K/W] from the junction to the sink (with ``C``), or Foster resistances (with
        ``tau``).
    C : array_like, optional
        Cauer capacitances [J/K]; ``C[i]`` sits at node i, upstream of ``R[i]``.
    tau : array_like, optional
        Foster time constants [s]; the network is first converted to its Cauer form.

    Returns
    -------
    StructureFunction
        Nodes at R_Σ = 0, R₀, R₀+R₁, … (C_Σ includes the node's own capacitance: C_Σ,i = Σ_{j≤i} C_j);
        the last point is R_Σ = Σ R with the total capacitance.

    References
    ----------
    Székely & Van Bien (1988); Protonotarios & Wing (1967).

    Examples
    --------
    >>> sf = structure_function([1.0, 2.0], [0.5, 1.5])
    >>> sf.R_cum.tolist(), sf.C_cum.tolist(), sf.K.tolist()
    ([0.0, 1.0, 3.0], [0.5, 2.0, 2.0], [0.5, 0.75])
    """
    if (C is None) == (tau is None):
        raise InputError("C", C, "either Cauer capacitances C or Foster time constants tau (one of them)")
    if tau is not None:
        r, c = foster_to_cauer(R, tau)
    else:
        r = np.atleast_1d(require_positive("R", R)).astype(float)
        c = np.atleast_1d(require_positive("C", C)).astype(float)
        if r.shape != c.shape:
            raise InputError("C", f"{c.size} values", f"one capacitance per resistance ({r.size})")
    r_cum = np.concatenate([[0.0], np.cumsum(r)])
    c_cum = np.concatenate([np.cumsum(c), [np.sum(c)]])
    return StructureFunction(r_cum, c_cum, r_cum[:-1] + r / 2.0, c / r)


def layered_structure_function(path: Any, *, points_per_slab: int = 50) -> StructureFunction:
    """The exact (distributed) structure function of a 1-D layered path.

    In a slab C_Σ grows linearly with R_Σ (slope ρcA·kA = ρ c k A²); a massless resistance adds R at
    constant C. Returns the curve sampled at ``points_per_slab`` points per slab (K per segment).

    Parameters
    ----------
    path : LayeredPath
        Scalar (unbatched) path, junction first.
    points_per_slab : int
        Samples per slab.

    Returns
    -------
    StructureFunction
        The exact curve of the path.

    Examples
    --------
    >>> from tcrlab.transient.laplace import LayeredPath, Slab, Resistance
    >>> p = LayeredPath((Slab("a", 1e-3, 100.0, 2e6, 1e-4), Resistance("tim", 0.1)))
    >>> sf = layered_structure_function(p, points_per_slab=2)
    >>> [round(x, 4) for x in sf.R_cum.tolist()], [round(x, 4) for x in sf.C_cum.tolist()]
    ([0.0, 0.05, 0.1, 0.2], [0.0, 0.1, 0.2, 0.2])
    """
    from tcrlab.transient.laplace import Slab

    r_pts = [0.0]
    c_pts = [0.0]
    for e in path.elements:
        if isinstance(e, Slab):
            if np.isinf(float(e.thickness)):
                raise InputError(f"{e.name}.thickness", "inf", "a finite layer (a structure function ends at a sink)")
            rs = float(e.resistance)
            cs = float(e.capacitance)
            frac = np.linspace(0.0, 1.0, points_per_slab + 1)[1:]
            r_pts += list(r_pts[-1] + rs * frac)
            c_pts += list(c_pts[-1] + cs * frac)
        else:
            r_pts.append(r_pts[-1] + float(e.resistance))
            c_pts.append(c_pts[-1])
    r_cum = np.asarray(r_pts)
    c_cum = np.asarray(c_pts)
    dr = np.diff(r_cum)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.where(dr > 0, np.diff(c_cum) / np.where(dr > 0, dr, 1.0), np.inf)
    return StructureFunction(r_cum, c_cum, r_cum[:-1] + dr / 2.0, k)


def interface_marks(path: Any) -> list[tuple[str, float, float]]:
    """(name, R_Σ before, R_Σ after) [K/W] of every massless resistance of a layered path: where each
    interface sits on the structure function's resistance axis.

    Parameters
    ----------
    path : LayeredPath
        Scalar (unbatched) path, junction first.

    Returns
    -------
    list of (str, float, float)
        Name, R_Σ before and R_Σ after [K/W] of each interface.

    Examples
    --------
    >>> from tcrlab.transient.laplace import LayeredPath, Slab, Resistance
    >>> p = LayeredPath((Slab("a", 1e-3, 100.0, 2e6, 1e-4), Resistance("tim", 0.1),
    ...                  Slab("b", 2e-3, 200.0, 2e6, 1e-4)))
    >>> interface_marks(p)
    [('tim', 0.1, 0.2)]
    """
    from tcrlab.transient.laplace import Slab

    marks = []
    r = 0.0
    for e in path.elements:
        step = float(e.resistance)
        if not isinstance(e, Slab):
            marks.append((e.name, r, r + step))
        r += step
    return marks
