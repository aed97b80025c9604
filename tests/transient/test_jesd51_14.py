"""JESD51-14 dual interface evaluation on synthetic curves of a known path, and the √t correction."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.transient import LayeredPath, Resistance, Slab, dual_interface, sqrt_t_correction

AREA = 1e-4
DIE = Slab("die", 0.4e-3, 130.0, 1.66e6, AREA)
CASE = Slab("Cu case", 2e-3, 398.0, 3.44e6, AREA)
SINK = Slab("cold plate", 5e-3, 237.0, 2.44e6, AREA)


def _path(r_tim):
    return LayeredPath((DIE, Resistance("attach", 0.2), CASE, Resistance("case contact", r_tim), SINK,
                        Resistance("coolant", 0.5)))


def test_dual_interface_finds_junction_to_case():
    t = np.logspace(-6, 2.5, 800)
    dry, paste = _path(1.0), _path(0.3)
    res = dual_interface(t, dry.zth(t), t, paste.zth(t))
    r_jc = float(DIE.resistance + 0.2 + CASE.resistance)  # junction to the case surface
    # both methods read R_thJC from where the curves part, which lies a little past the case surface:
    # measured here +12 % (Zth method) and +9 % (structure functions)
    assert res.rth_jc_zth == pytest.approx(r_jc, rel=0.15)
    assert res.rth_jc_structure == pytest.approx(r_jc, rel=0.15)
    assert res.rth_jc_zth >= r_jc and res.rth_jc_structure >= r_jc
    assert res.tim_difference_total == pytest.approx(0.7, rel=1e-6)
    assert res.tim_difference_structure == pytest.approx(0.7, rel=0.02)


def test_pair_that_never_separates():
    t = np.logspace(-6, 2.5, 300)
    z = _path(1.0).zth(t)
    with pytest.raises(InputError, match="never separate"):
        dual_interface(t, z, t, z * (1 + 1e-4))


def test_sqrt_t_correction_recovers_half_space():
    # surface heating of a half-space: Zth = 2√t/(A√(π kρc)) (Carslaw & Jaeger 1959 §2.9); an offset
    # (the electrical disturbance) is removed and the effusivity–area product comes back
    k, rc = 148.0, 1.66e6
    t = np.logspace(-6, -3, 61)
    z = 2 * np.sqrt(t) / (AREA * np.sqrt(np.pi * k * rc)) + 0.01
    fit = sqrt_t_correction(t, z, (1e-5, 1e-4))
    assert fit.offset == pytest.approx(0.01, rel=1e-9)
    assert fit.effusivity_area() == pytest.approx(AREA * np.sqrt(k * rc), rel=1e-9)
    assert fit.zth == pytest.approx(z - 0.01, rel=1e-9)
    with pytest.raises(InputError, match="window"):
        sqrt_t_correction(t, z, (1.0, 2.0))
