"""Regenerate the small sample height maps in this folder (run with the project's Python).

Every file holds the same analytic map on a 32 × 24 grid covering 40 µm × 30 µm:

    h(x, y) = A cos(2π·2x/Lx) + B sin(2π·y/Ly),  A = 0.5 µm, B = 0.2 µm,  x_i = i·Δx, y_j = j·Δy

so readers can be checked against exact values (Rq = √((A² + B²)/2) = 0.380789 µm) and orientation
(a transposed read has the wrong shape). Files:

* sample.npy  — heights in µm, array[i, j] = h(x_i, y_j) (no units or size stored)
* sample.txt  — bare text matrix in µm, one line per y (line j holds h(x_0..x_31, y_j))
* sample.csv  — the same as CSV
* sample.x3p  — ISO 25178-72 XML written by SurfaceTopography (metres; size stored)
* sample.gwy  — Gwyddion file written by SurfaceTopography (metres; size stored)

and ``demo_scan.x3p`` is a stand-in for a measured scan used by docs/surfaces.md (NOT a measurement):
a non-periodic self-affine patch (H = 0.8, Rq = 0.8 µm, λ_s = 4 px, λ_r = 50 µm, seed 2026) of
128 × 128 points over 200 µm, plus a tilt of (1.5, −0.8) mrad, stored in µm.
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
NX, NY, LX, LY, A, B = 32, 24, 40e-6, 30e-6, 0.5e-6, 0.2e-6


def sample_heights() -> np.ndarray:
    x = np.arange(NX) * LX / NX
    y = np.arange(NY) * LY / NY
    return A * np.cos(2 * np.pi * 2 * x / LX)[:, None] + B * np.sin(2 * np.pi * y / LY)[None, :]


def main() -> None:
    from SurfaceTopography import Topography as STTopography

    h = sample_heights()
    np.save(HERE / "sample.npy", h * 1e6)
    np.savetxt(HERE / "sample.txt", (h * 1e6).T, fmt="%.9f")
    np.savetxt(HERE / "sample.csv", (h * 1e6).T, fmt="%.9f", delimiter=",")
    st = STTopography(h, physical_sizes=(LX, LY), unit="m", periodic=False)
    st.to_x3p(str(HERE / "sample.x3p"))
    st.to_gwy(str(HERE / "sample.gwy"))

    from tcrlab.surfaces import self_affine

    size = 200e-6
    demo = self_affine(128, 0.8, rms_height=0.8e-6, seed=2026, physical_size=size,
                       short_cutoff=4 * size / 128, long_cutoff=50e-6, periodic=False)
    x, y = demo.coordinates()
    tilt = 1.5e-3 * x[:, None] - 0.8e-3 * y[None, :]
    scan = STTopography((demo.heights + tilt) * 1e6, physical_sizes=(200.0, 200.0), unit="um",
                        periodic=False)
    scan.to_x3p(str(HERE / "demo_scan.x3p"))


if __name__ == "__main__":
    main()
