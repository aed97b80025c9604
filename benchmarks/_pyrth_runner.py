"""Run PyRth's standard evaluation on a Zth curve (executed by the peers' Python, never imported by tcrlab).

    <peer python> benchmarks/_pyrth_runner.py IN.npz OUT.npz

IN.npz holds ``t`` [s] and ``zth`` [K/W]; OUT.npz gets PyRth's cumulative structure function
(``R_cum`` [K/W], ``C_cum`` [J/K]) and the wall time of the evaluation (``seconds``). Only PyRth's public
``Evaluation.standard_module`` is called, with its defaults (Bayesian deconvolution, Sobhy J-fraction
structure function) except that the input is an impedance and the √t extrapolation is off (the curve is
exact from its first sample).
"""

import sys
import tempfile
import time

import numpy as np
import PyRth

data = np.load(sys.argv[1])
params = {
    "data": np.column_stack([data["t"], data["zth"]]),
    "input_mode": "impedance",
    "extrapolate": False,
    "label": "tcrlab_peer",
    "output_dir": tempfile.mkdtemp(),
    "is_heating": True,
}
t0 = time.perf_counter()
module = PyRth.Evaluation().standard_module(params)
seconds = time.perf_counter() - t0
np.savez(sys.argv[2], R_cum=np.asarray(module.int_cau_res, dtype=float),
         C_cum=np.asarray(module.int_cau_cap, dtype=float), seconds=seconds)
