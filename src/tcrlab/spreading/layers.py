"""Layered plates for the spreading solutions: checked layer lists and the modal surface impedance.

Every series solution here expands the surface temperature of a plate (or a stack of perfectly bonded
layers) in the eigenfunctions of its adiabatic side walls: Bessel functions J0(δ_n r/b) on a disk,
cos(mπx/c)·cos(nπy/d) on a rectangle. For one mode of wavenumber β the temperature amplitude at the heated
face is Z(β) times the flux amplitude. Z follows from the sink boundary upward, layer by layer (the
transmission-line form of the layered solutions of Yovanovich, Culham & Teertstra 1998 and
Muzychka, Culham & Yovanovich 2003 — written here as one recursion for any number of layers):

    Z_sink = 1/h  (0 for an isothermal sink),
    Z_above = (1/(kβ)) · (kβ·Z_below + tanh(βt)) / (1 + kβ·Z_below·tanh(βt)).

For a single layer this is φ(β)/(kβ) with φ = (tanh βt + β/Bi')/(1 + (β/Bi') tanh βt), Bi' = h/k, the
spreading function of both papers. Only tanh appears, so thick layers (βt ≫ 1) never overflow.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import require_broadcastable
from tcrlab.errors import InputError
from tcrlab.validation import require_positive

__all__ = ["Layers", "check_layers", "mode_impedance"]

# a layer list as accepted by the public functions: ((thickness [m], conductivity [W/(m K)]), ...)
LayerSpec = Sequence[tuple[ArrayLike, ArrayLike]]


@dataclass(frozen=True)
class Layers:
    """Checked layers from the heated face down, and the sink's heat-transfer coefficient.

    Attributes
    ----------
    thickness : tuple of ndarray
        Layer thicknesses t_i [m] (float arrays that broadcast with the geometry).
    conductivity : tuple of ndarray
        Layer conductivities k_i [W/(m K)].
    h : ndarray
        Sink heat-transfer coefficient [W/(m² K)]; ``inf`` is an isothermal sink.
    """

    thickness: tuple[NDArray[np.float64], ...]
    conductivity: tuple[NDArray[np.float64], ...]
    h: NDArray[np.float64]

    @property
    def top_conductivity(self) -> NDArray[np.float64]:
        return self.conductivity[0]

    def one_d_area_resistance(self) -> NDArray[np.float64]:
        """Σ t_i/k_i + 1/h [m² K/W]: the plate's 1-D resistance per unit area (without spreading).

        Returns
        -------
        ndarray
            Area resistance [m² K/W].
        """
        total = sum((t / k for t, k in zip(self.thickness, self.conductivity, strict=True)),
                    np.zeros(()))
        with np.errstate(divide="ignore"):
            return np.asarray(total + np.where(np.isinf(self.h), 0.0, 1.0 / self.h))

    def flat(self, index: NDArray[np.intp] | slice, shape: tuple[int, ...]) -> Layers:
        """The layers broadcast to ``shape``, flattened, at ``index`` (for batched evaluation).

        Parameters
        ----------
        index : ndarray of int or slice
            Which flattened entries to keep.
        shape : tuple of int
            The broadcast shape of the evaluation.

        Returns
        -------
        Layers
            One-dimensional layers.
        """
        def take(a: NDArray[np.float64]) -> NDArray[np.float64]:
            return np.broadcast_to(a, shape).reshape(-1)[index]
        return Layers(tuple(take(t) for t in self.thickness), tuple(take(k) for k in self.conductivity),
                      take(self.h))


def check_layers(layers: LayerSpec, h: ArrayLike = math.inf) -> Layers:
    """Check a layer list ``[(t1, k1), (t2, k2), ...]`` (heated face first) and the sink's ``h``.

    Parameters
    ----------
    layers : sequence of (array_like, array_like)
        Thickness [m] and conductivity [W/(m K)] of each perfectly bonded layer, heated face first.
    h : array_like
        Sink heat-transfer coefficient [W/(m² K)], > 0; ``inf`` is an isothermal sink (h = 0 would
        leave no steady state).

    Returns
    -------
    Layers
        The checked layers as float arrays.

    Raises
    ------
    InputError
        Naming ``layers[i].thickness``, ``layers[i].conductivity`` or ``h``.

    Examples
    --------
    >>> lay = check_layers([(0.001, 400.0), (0.01, 200.0)], h=1000.0)
    >>> float(lay.one_d_area_resistance())  # 0.001/400 + 0.01/200 + 1/1000, in m² K/W
    0.0010525
    """
    if isinstance(layers, str | bytes) or not isinstance(layers, Sequence) or len(layers) == 0:
        raise InputError("layers", layers, "a non-empty list of (thickness [m], conductivity [W/(m K)]) pairs")
    ts, ks = [], []
    for i, layer in enumerate(layers, start=1):
        if not isinstance(layer, Sequence) or len(layer) != 2:
            raise InputError(f"layers[{i}]", layer, "a (thickness [m], conductivity [W/(m K)]) pair")
        ts.append(require_positive(f"layers[{i}].thickness", layer[0]))
        ks.append(require_positive(f"layers[{i}].conductivity", layer[1]))
    hh = require_positive("h", h, allow_inf=True)
    require_broadcastable(h=hh, **{f"layer{i}_t": t for i, t in enumerate(ts)},
                          **{f"layer{i}_k": k for i, k in enumerate(ks)})
    return Layers(tuple(ts), tuple(ks), hh)


def mode_impedance(beta: ArrayLike, layers: Layers) -> NDArray[np.float64]:
    """Surface temperature amplitude per flux amplitude Z(β) of the mode with wavenumber β.

    Parameters
    ----------
    beta : array_like
        Mode wavenumber [1/m]; broadcasts against the layers' arrays (give the layers trailing axes of
        length 1 to sum over modes).
    layers : Layers
        The checked layers (see :func:`check_layers`).

    Returns
    -------
    ndarray
        Z(β) [m² K/W]; Z → 1/(k_top·β) for βt_top ≫ 1 (the half-space value of the top layer).

    References
    ----------
    Yovanovich, Culham & Teertstra, IEEE Trans. CPMT-A 21(1) (1998) 168–176; Muzychka, Culham &
    Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185.

    Examples
    --------
    A short-wavelength mode sees the half-space value 1/(kβ):

    >>> z = mode_impedance([1.0, 1e4], check_layers([(0.01, 200.0)]))
    >>> (z * 200.0 * np.array([1.0, 1e4])).round(6)
    array([0.01, 1.  ])
    """
    b = np.asarray(beta, dtype=float)
    h = layers.h
    with np.errstate(divide="ignore"):
        z = np.where(np.isinf(h), 0.0, 1.0 / np.where(np.isinf(h), 1.0, h))
    for t, k in zip(reversed(layers.thickness), reversed(layers.conductivity), strict=True):
        kb = k * b
        th = np.tanh(b * t)
        g = kb * z
        z = (g + th) / (kb * (1.0 + g * th))
    return np.asarray(z)
