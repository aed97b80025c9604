"""A data-driven thermal boundary conductance: gradient boosting on physical descriptors, trained on the
measured conductances of :mod:`tcrlab.kapitza.tbc_data` (Wu, Fang & Xu 2019 compilation).

EMPIRICAL, not physics: log10 h is regressed (scikit-learn ``GradientBoostingRegressor``, fixed seed) on
descriptors of the two solids and the temperature — Debye temperatures, longitudinal and transverse sound
speeds, densities (each side ordered so that side A has the lower Debye temperature), whether each side is
a metal, log10 T, T/Θ_A and log10 of the Debye DMM conductance (branch cutoff) at T. Its error is measured
by leave-one-interface-out cross-validation (:func:`cross_validate`: every row of a material pair is held
out together, so no measurement of the predicted interface is seen in training — leaving single rows out
would leak the pair's other temperatures and samples). The stated uncertainty is that held-out RMS error
in log10 h, as a factor 10^σ.

Domain: :meth:`EmpiricalTBC.predict` refuses (InputError) temperatures outside those measured for the
interface's class (metal/dielectric 25–505 K, dielectric/dielectric 298–300 K, metal/metal 1–304 K in the
packaged data) and descriptors outside the training range (a material much stiffer, lighter or softer than any
trained one); materials that are in range but never measured get a ValidityWarning.

Reference: Y.-J. Wu, L. Fang and Y. Xu, npj Comput. Mater. 5, 56 (2019) (the data set and the idea of
learning TBC from descriptors); J. H. Friedman, Ann. Stat. 29, 1189 (2001) (gradient boosting).

Examples
--------
>>> model = trained_model()                                   # doctest: +SKIP
>>> h, factor = model.predict("Al", "sapphire", 300.0)        # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab.errors import InputError, ValidityWarning

__all__ = ["FEATURES", "EmpiricalTBC", "cross_validate", "cv_sigma", "descriptors", "fingerprint", "trained_model"]

FEATURES = ("theta_A", "theta_B", "cL_A", "cT_A", "cL_B", "cT_B", "rho_A", "rho_B", "metal_A", "metal_B",
            "log10_T", "T_over_theta_A", "log10_h_dmm")
_PARAMS = {"n_estimators": 100, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8, "random_state": 0}
CV_CACHE = "data/empirical_cv.json"  # the cross-validated σ of the current data and parameters


def _material(name: Any, registry: Any) -> Any:
    from tcrlab.materials import default_registry

    reg = registry or default_registry()
    m = reg.get_material(name)
    missing = [p for p in ("density", "sound_speed_longitudinal", "sound_speed_transverse", "debye_temperature")
               if getattr(m, p) is None]
    if missing:
        raise InputError("material", getattr(m, "key", name), "a registry material with density, sound speeds and "
                         "Debye temperature", problem=f"no {', '.join(missing)}: outside the empirical model's domain")
    return m


def descriptors(mat1: Any, mat2: Any, T: ArrayLike, *, registry: Any = None) -> np.ndarray:
    """The descriptor matrix of the interface mat1 | mat2 at temperatures T.

    Parameters
    ----------
    mat1, mat2 : str or Material
        Registry materials with density, sound speeds and Debye temperature.
    T : array_like
        Temperature [K].
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    ndarray
        Shape (len(T), len(FEATURES)), columns as in :data:`FEATURES` (SI units, log10 of h in W/(m² K)).

    References
    ----------
    Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019).

    Examples
    --------
    >>> descriptors("Al", "sapphire", [100.0, 300.0]).shape
    (2, 13)
    """
    from tcrlab.kapitza.dmm import dmm_conductance

    m1, m2 = _material(mat1, registry), _material(mat2, registry)
    a, b = (m1, m2) if m1.debye_temperature <= m2.debye_temperature else (m2, m1)
    t = np.atleast_1d(np.asarray(T, dtype=float))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        h_dmm = np.atleast_1d(dmm_conductance(a, b, t, registry=registry))
    fixed = [a.debye_temperature, b.debye_temperature, a.sound_speed_longitudinal, a.sound_speed_transverse,
             b.sound_speed_longitudinal, b.sound_speed_transverse, a.density, b.density,
             float(a.category == "metal"), float(b.category == "metal")]
    rows = np.tile(np.asarray(fixed, dtype=float), (t.size, 1))
    return np.column_stack([rows, np.log10(t), t / a.debye_temperature, np.log10(h_dmm)])


def _fit(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.ensemble import GradientBoostingRegressor

    return GradientBoostingRegressor(**_PARAMS).fit(x, y)


@cache
def _training_set() -> tuple[Any, np.ndarray, np.ndarray]:
    from tcrlab.kapitza.tbc_data import modelled_rows

    rows = modelled_rows()
    x = np.vstack([descriptors(k1, k2, g["T_K"].to_numpy())
                   for (k1, k2), g in rows.groupby(["key1", "key2"], sort=False)])
    order = np.concatenate([g.index.to_numpy() for _k, g in rows.groupby(["key1", "key2"], sort=False)])
    xx = np.empty_like(x)
    xx[order] = x
    return rows, xx, np.log10(rows["h"].to_numpy())


def cross_validate() -> Any:
    """Leave-one-interface-out predictions of the training rows.

    Returns
    -------
    pandas.DataFrame
        The training rows with a column ``h_data`` [W/(m² K)], each predicted by a model fitted without
        any row of its material pair.

    References
    ----------
    Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019); Friedman, Ann. Stat. 29, 1189 (2001).

    Examples
    --------
    Refitting the model once per interface takes about a minute, so this one is not run in the tests:

    >>> cv = cross_validate()  # doctest: +SKIP
    >>> {"h", "h_data"} <= set(cv.columns)  # doctest: +SKIP
    True
    """
    from sklearn.model_selection import LeaveOneGroupOut

    rows, x, y = _training_set()
    pred = np.empty_like(y)
    for train, test in LeaveOneGroupOut().split(x, y, groups=rows["pair"].to_numpy()):
        pred[test] = _fit(x[train], y[train]).predict(x[test])
    out = rows.copy()
    out["h_data"] = 10.0**pred
    return out


@dataclass
class EmpiricalTBC:
    """The gradient-boosting TBC model fitted on all modelled rows, with its domain and CV uncertainty.

    Attributes
    ----------
    model : sklearn.ensemble.GradientBoostingRegressor
        The fitted regressor of log10 h.
    x_min, x_max : ndarray
        Range of each descriptor in the training set.
    t_range : tuple of float
        Lowest and highest training temperature [K].
    class_t_range : dict of str to tuple of float
        Training temperature range of each interface class [K].
    materials : frozenset of str
        Registry keys of the trained materials.
    sigma_log10 : float
        Leave-one-interface-out RMS error in log10 h [-].
    n_rows, n_pairs : int
        Training measurements and interfaces.
    label : str
        A one-line description with the data source and the error factor.
    """

    model: Any
    x_min: np.ndarray
    x_max: np.ndarray
    t_range: tuple[float, float]
    class_t_range: dict[str, tuple[float, float]]
    materials: frozenset[str]
    sigma_log10: float
    n_rows: int
    n_pairs: int
    label: str = field(init=False)

    def __post_init__(self) -> None:
        from tcrlab.kapitza.tbc_data import SOURCE

        self.label = (f"empirical (gradient boosting), trained on {self.n_rows} measured conductances of "
                      f"{self.n_pairs} interfaces without interlayer, {self.t_range[0]:g}-{self.t_range[1]:g} K, "
                      f"from the {SOURCE}; leave-one-interface-out error: factor {10**self.sigma_log10:.2f} (1 sigma)")

    def predict(self, mat1: Any, mat2: Any, T: ArrayLike, *, registry: Any = None) -> tuple[Any, float]:
        """Predicted conductance and its uncertainty factor.

        Parameters
        ----------
        mat1, mat2 : str or Material
            The two solids.
        T : array_like
            Temperature [K], inside the training range of the interface class.
        registry : MaterialRegistry, optional
            Where material names are looked up.

        Returns
        -------
        h : float or ndarray
            Conductance [W/(m² K)]; a float for scalar ``T``.
        factor : float
            Uncertainty factor 10^σ (1 sigma) [-].

        Raises
        ------
        InputError
            Outside the training domain.
        """
        from tcrlab.kapitza.tbc_data import pair_class

        t = np.atleast_1d(np.asarray(T, dtype=float))
        cls = pair_class(_material(mat1, registry), _material(mat2, registry))
        lo, hi = self.class_t_range.get(cls, self.t_range)
        if np.any(~np.isfinite(t)) or np.any(t < lo) or np.any(t > hi):
            bad = float(t[(t < lo) | (t > hi) | ~np.isfinite(t)][0])
            raise InputError("T", f"{bad:g} K", f"{lo:g}-{hi:g} K (the temperatures measured for {cls} interfaces)",
                             problem="outside the empirical model's training domain")
        x = descriptors(mat1, mat2, t, registry=registry)
        span = self.x_max - self.x_min
        outside = (x < self.x_min - 0.05 * span) | (x > self.x_max + 0.05 * span)
        fixed = outside[:, :10].any(axis=0)
        if fixed.any():
            names = [FEATURES[i] for i in np.flatnonzero(fixed)]
            raise InputError(f"{mat1} | {mat2}", ", ".join(names), "descriptors within the range of the measured "
                             "materials", problem="far outside the empirical model's training domain")
        keys = {getattr(_material(m, registry), "key", str(m)) for m in (mat1, mat2)}
        unseen = sorted(keys - self.materials)
        if unseen:
            warnings.warn(f"empirical TBC model: {', '.join(unseen)} never appears in the training data; the "
                          "prediction is an interpolation in descriptor space only", ValidityWarning, stacklevel=2)
        h = 10.0 ** self.model.predict(x)
        return (float(h[0]) if np.ndim(T) == 0 else h), 10.0**self.sigma_log10


def fingerprint() -> str:
    """SHA-256 of the training descriptors, targets and model parameters (keys the cached CV error).

    Returns
    -------
    str
        Hexadecimal digest.

    Examples
    --------
    >>> len(fingerprint())
    64
    """
    import hashlib

    _rows, x, y = _training_set()
    h = hashlib.sha256(np.round(x, 6).tobytes() + np.round(y, 9).tobytes() + repr(sorted(_PARAMS.items())).encode())
    return h.hexdigest()


def cv_sigma() -> float:
    """RMS leave-one-interface-out error in log10 h.

    Taken from the packaged cache when it was computed for these data and parameters (same
    :func:`fingerprint`), else by running :func:`cross_validate` (slow).

    Returns
    -------
    float
        σ of log10 h [-]; the model's uncertainty factor is 10^σ.

    References
    ----------
    Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019).

    Examples
    --------
    >>> round(10 ** cv_sigma(), 2)  # the 1-sigma factor on h
    2.62
    """
    import json
    from importlib import resources

    try:
        cached = json.loads(resources.files("tcrlab.kapitza").joinpath(CV_CACHE).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        cached = {}
    if cached.get("fingerprint") == fingerprint():
        return float(cached["sigma_log10"])
    cv = cross_validate()
    return float(np.sqrt(np.mean(np.log10(cv["h_data"].to_numpy() / cv["h"].to_numpy()) ** 2)))


@cache
def trained_model() -> EmpiricalTBC:
    """The model fitted on every modelled row (deterministic: fixed seed; seconds).

    Returns
    -------
    EmpiricalTBC
        The fitted model with its domain and uncertainty.

    References
    ----------
    Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019); Friedman, Ann. Stat. 29, 1189 (2001).

    Examples
    --------
    >>> h, factor = trained_model().predict("Al", "sapphire", 300.0)
    >>> f"{h:.3g} W/(m² K), factor {factor:.2f}"
    '1.82e+08 W/(m² K), factor 2.62'
    """
    rows, x, y = _training_set()
    sigma = cv_sigma()
    mats = frozenset(rows["key1"]) | frozenset(rows["key2"])
    by_class = {cls: (float(g["T_K"].min()), float(g["T_K"].max())) for cls, g in rows.groupby("pair_class")}
    return EmpiricalTBC(_fit(x, y), x.min(axis=0), x.max(axis=0),
                        (float(rows["T_K"].min()), float(rows["T_K"].max())), by_class, mats, sigma, len(rows),
                        rows["pair"].nunique())
