"""Regenerate the synthetic example data in this folder (known truth + noise, fixed seed).

    .venv/bin/python examples/meterbar/make_examples.py

* ``tim_thickness_series.toml`` — a TIM (k = 3.0 W/(m K), two contacts totalling 2.0e-5 K m²/W) at three
  thicknesses between Al6061-T6 meter bars (k = 167 W/(m K)), q'' = 20 kW/m², readings ±0.02 K.
* ``bare_interface.csv`` — a bare SS304/SS304 interface at four pressures (R_c = 8e-4, 4e-4, 2.5e-4,
  1.5e-4 K m²/W) between SS304 meter bars (k = 16.2 W/(m K)), q'' = 30 kW/m², readings ±0.1 K.
* ``h_vs_pressure.csv`` — conductance from the CMY model (k_s = 16.2 W/(m K), σ = 1.5 µm, m = 0.1,
  H_c = 4 GPa) with 5 % scatter, for ``tcrlab fit``.
The data are synthetic: they exist to show the format and to let the reduction be checked against the
truth it was generated from.
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
rng = np.random.default_rng(20261125)
X = np.array([5.0, 15.0, 25.0, 35.0])  # mm from each bar's face


def tim() -> None:
    k, q, r_contact, k_tim = 167.0, 2.0e4, 2.0e-5, 3.0
    lines = [
        "# Synthetic TIM thickness series (see make_examples.py): truth k_app = 3.0 W/(m K),",
        "# contact resistance (both faces) = 2.0e-5 K m^2/W = 0.20 cm^2 K/W.",
        "[rig]",
        'diameter = "25.4 mm"',
        'u_temperature = "0.02 K"      # standard uncertainty of each reading',
        'u_position = "0.05 mm"        # standard uncertainty of each thermocouple position',
        "heat_loss_threshold = 0.05    # warn when |q_hot - q_cold| / q exceeds this",
        'temperature_unit = "degC"     # unit of bare numbers in hot = [...], cold = [...]',
        'position_unit = "mm"',
        "",
        "[rig.hot]",
        'conductivity = "167 W/(m K)"  # Al6061-T6',
        "rel_u_conductivity = 0.02",
        f"positions = {X.tolist()}      # distance from the bar's face at the sample",
        "",
        "[rig.cold]",
        'conductivity = "167 W/(m K)"',
        "rel_u_conductivity = 0.02",
        f"positions = {X.tolist()}",
    ]
    for t_mm in (0.10, 0.20, 0.30):
        z = r_contact + t_mm * 1e-3 / k_tim
        t_hot_face = 60.0
        t_cold_face = t_hot_face - q * z
        hot = t_hot_face + q / k * X * 1e-3 + rng.normal(0, 0.02, 4)
        cold = t_cold_face - q / k * X * 1e-3 + rng.normal(0, 0.02, 4)
        lines += [
            "",
            "[[run]]",
            f'label = "t = {t_mm:.2f} mm"',
            'pressure = "0.3 MPa"',
            f'thickness = "{t_mm:.2f} mm"',
            f"hot = [{', '.join(f'{v:.3f}' for v in hot)}]",
            f"cold = [{', '.join(f'{v:.3f}' for v in cold)}]",
        ]
    (HERE / "tim_thickness_series.toml").write_text("\n".join(lines) + "\n")


def bare() -> None:
    k, q = 16.2, 3.0e4
    rows = [
        "# Synthetic bare SS304/SS304 interface (see make_examples.py); truth R_c = 8e-4, 4e-4, 2.5e-4,",
        "# 1.5e-4 K m^2/W at 1, 2, 4, 8 MPa.",
        "# area = 6.45 cm^2",
        "# u_temperature = 0.1 K",
        "# u_position = 0.05 mm",
        "# hot.conductivity = 16.2 W/(m K)",
        "# hot.rel_u_conductivity = 0.03",
        "# cold.conductivity = 16.2 W/(m K)",
        "# cold.rel_u_conductivity = 0.03",
        "run,pressure [MPa],bar,position [mm],temperature [degC]",
    ]
    for p, rc in ((1, 8e-4), (2, 4e-4), (4, 2.5e-4), (8, 1.5e-4)):
        hot = 150.0 + q / k * X * 1e-3 + rng.normal(0, 0.1, 4)
        cold = 150.0 - q * rc - q / k * X * 1e-3 + rng.normal(0, 0.1, 4)
        for bar, temps in (("hot", hot), ("cold", cold)):
            for x, t in zip(X, temps, strict=True):
                rows.append(f"P{p},{p},{bar},{x:g},{t:.3f}")
    (HERE / "bare_interface.csv").write_text("\n".join(rows) + "\n")


def conductance() -> None:
    from tcrlab.conductance.constriction import cmy_conductance

    p = np.geomspace(0.3e6, 10e6, 9)
    h = cmy_conductance(16.2, 1.5e-6, 0.1, p / 4e9) * np.exp(rng.normal(0, 0.05, p.size))
    rows = ["# Synthetic h_c(P): CMY (k_s 16.2 W/(m K), sigma 1.5 um, m 0.1, H_c 4 GPa) x 5 % scatter",
            "pressure [MPa],h [W/(m^2 K)]"]
    rows += [f"{pi / 1e6:.4g},{hi:.5g}" for pi, hi in zip(p, h, strict=True)]
    (HERE / "h_vs_pressure.csv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    tim()
    bare()
    conductance()
