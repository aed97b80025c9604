"""A real FE check: CalculiX (ccx) runs two steel blocks pressed together with the exported
``*GAP CONDUCTANCE`` table; its interface temperature jump must match tcrlab's own prediction (≤ 1 %).

ccx comes from the Debian package ``calculix-ccx``. When it is not on PATH and the tests run as root
with apt-get (CI: a fresh machine), the module installs it first; elsewhere the tests are skipped with
the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tcrlab.errors import ValidityWarning
from tcrlab.export import JointModel, build_table, format_table
from tcrlab.joint import Joint

APT_TIMEOUT = 900  # s: update + install on a fresh machine


def _install_ccx() -> str | None:
    """Path of ccx, installing calculix-ccx with apt-get when possible; None with the reason logged."""
    found = shutil.which("ccx")
    if found:
        return found
    if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("ccx not on PATH and calculix-ccx cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=300"]  # another apt run (unattended upgrades) may hold the lock
    for cmd in (["apt-get", *lock, "update"], ["apt-get", *lock, "install", "-y", "--no-install-recommends",
                                                 "calculix-ccx"]):
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=APT_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"installing calculix-ccx failed ({' '.join(cmd)}: {exc})")
        if proc.returncode != 0:
            pytest.skip(f"installing calculix-ccx failed ({' '.join(cmd)} exit {proc.returncode}: "
                        f"{proc.stderr.strip()[-300:]})")
    found = shutil.which("ccx")
    if not found:
        pytest.skip("calculix-ccx installed but no ccx on PATH")
    return found


@pytest.fixture(scope="module")
def ccx() -> str:
    return _install_ccx()


K_BLOCK = 16.0  # W/(m K), both blocks (the material card of the model)
L_BLOCK = 0.01  # m, each block's height
T_HOT, T_COLD = 400.0, 300.0


def _two_blocks(gap_conductance: str, pressure: float, nz: int = 4) -> str:
    """Two W×W×L C3D8 columns stacked along z (one element across, nz along), touching at z = L.

    Coupled temperature–displacement, steady state: the bottom face held (u_z = 0, T_COLD), the top face
    loaded by ``pressure`` (P2 face load) and held at T_HOT, in-plane motion fixed on both end faces;
    surface-to-surface contact with a stiff linear pressure–overclosure law carries the load and the
    table sets the conductance from the contact pressure and the mean interface temperature.
    """
    w = L_BLOCK
    nodes, ids = [], {}

    def node(b: int, i: int, j: int, k: int) -> int:
        key = (b, i, j, k)
        if key not in ids:
            ids[key] = len(ids) + 1
            nodes.append(f"{ids[key]}, {i * w:.9g}, {j * w:.9g}, {(b + k / nz) * L_BLOCK:.9g}")
        return ids[key]

    elems, sets = [], {"LOWER": [], "UPPER": [], "LOWTOP": [], "UPBOT": [], "UPTOP": []}
    for b in (0, 1):
        for k in range(nz):
            c = [node(b, 0, 0, k), node(b, 1, 0, k), node(b, 1, 1, k), node(b, 0, 1, k),
                 node(b, 0, 0, k + 1), node(b, 1, 0, k + 1), node(b, 1, 1, k + 1), node(b, 0, 1, k + 1)]
            e = len(elems) + 1
            elems.append(f"{e}, " + ", ".join(map(str, c)))
            sets["LOWER" if b == 0 else "UPPER"].append(e)
            if b == 0 and k == nz - 1:
                sets["LOWTOP"].append(e)
            if b == 1 and k == 0:
                sets["UPBOT"].append(e)
            if b == 1 and k == nz - 1:
                sets["UPTOP"].append(e)
    nsets = {
        "NBOT": [v for (b, _, _, k), v in ids.items() if b == 0 and k == 0],
        "NTOP": [v for (b, _, _, k), v in ids.items() if b == 1 and k == nz],
        "NIFLOW": [v for (b, _, _, k), v in ids.items() if b == 0 and k == nz],
        "NIFUP": [v for (b, _, _, k), v in ids.items() if b == 1 and k == 0],
        "NALL": list(ids.values()),
    }
    lines = ["*NODE", *nodes, "*ELEMENT, TYPE=C3D8, ELSET=EALL", *elems]
    for name, members in sets.items():
        lines += [f"*ELSET, ELSET={name}", *map(str, members)]
    for name, members in nsets.items():
        lines += [f"*NSET, NSET={name}", *map(str, members)]
    lines += [
        "*SURFACE, NAME=SMASTER, TYPE=ELEMENT", "LOWTOP, S2",
        "*SURFACE, NAME=SSLAVE, TYPE=ELEMENT", "UPBOT, S1",
        "*MATERIAL, NAME=STEEL", "*ELASTIC", "2e11, 0.3", "*CONDUCTIVITY", f"{K_BLOCK}",
        "*SOLID SECTION, ELSET=EALL, MATERIAL=STEEL",
        "*SURFACE INTERACTION, NAME=SI", "*SURFACE BEHAVIOR, PRESSURE-OVERCLOSURE=LINEAR", "1e15, 0.",
        *[line for line in gap_conductance.splitlines() if line.strip()],
        "*CONTACT PAIR, INTERACTION=SI, TYPE=SURFACE TO SURFACE", "SSLAVE, SMASTER",
        "*INITIAL CONDITIONS, TYPE=TEMPERATURE", f"NALL, {0.5 * (T_HOT + T_COLD)}",
        "*STEP", "*COUPLED TEMPERATURE-DISPLACEMENT, STEADY STATE", "1., 1.",
        "*BOUNDARY", "NBOT, 1, 3, 0.", f"NBOT, 11, 11, {T_COLD}", "NTOP, 1, 2, 0.", f"NTOP, 11, 11, {T_HOT}",
        "*DLOAD", f"UPTOP, P2, {pressure:.9g}",
        "*NODE PRINT, NSET=NIFLOW", "NT", "*NODE PRINT, NSET=NIFUP", "NT", "*END STEP",
    ]
    return "\n".join(lines) + "\n"


def _interface_temperatures(dat: str) -> dict[str, np.ndarray]:
    out = {}
    for block in dat.split("temperatures for set")[1:]:
        lines = block.strip().splitlines()
        out[lines[0].split()[0]] = np.array([float(ln.split()[1]) for ln in lines[1:] if ln.strip()])
    return out


def _run(ccx: str, inp: str, folder: Path) -> dict[str, np.ndarray]:
    (folder / "blocks.inp").write_text(inp)
    proc = subprocess.run([ccx, "blocks"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Job finished" in proc.stdout, proc.stdout[-2000:]
    return _interface_temperatures((folder / "blocks.dat").read_text())


@pytest.mark.parametrize(("gas", "pressure"), [("air", 2.3e6), ("vacuum", 7.7e5)])
def test_calculix_interface_jump_matches_tcrlab(ccx: str, tmp_path: Path, gas: str, pressure: float) -> None:
    """ΔT_interface from ccx with the exported table vs q/h_j from tcrlab's joint model directly.

    1-D series path: q = (T_hot − T_cold)/(2L/k + 1/h_j); by symmetry the interface's mean temperature
    is the midpoint, where tcrlab evaluates h_j(P, T) itself (not from the table)."""
    joint = Joint("SS304", sigma=1.5e-6, slope=0.1, gas=gas, emissivity=0.3)
    table = build_table(JointModel(joint, touch_pressure=1e5), pressure_range=(1e5, 1e7),
                        clearances=[1e-6, 1e-5], temperatures=[300.0, 350.0, 400.0])
    temps = _run(ccx, _two_blocks(format_table(table, "calculix"), pressure), tmp_path)
    jump_fe = float(temps["NIFUP"].mean() - temps["NIFLOW"].mean())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        h = float(replace(joint, pressure=pressure, temperature=0.5 * (T_HOT + T_COLD), radiation=True)
                  .evaluate(emit_warnings=False).h_j)
    q = (T_HOT - T_COLD) / (2 * L_BLOCK / K_BLOCK + 1 / h)
    assert jump_fe == pytest.approx(q / h, rel=1e-2)
    # and the table's own interpolant agrees as closely
    assert table.gapcon(pressure, 0.0, 350.0).h == pytest.approx(h, rel=5e-3)


def test_calculix_reads_the_table_not_a_constant(ccx: str, tmp_path: Path) -> None:
    """Two pressures give two different jumps, each the table's h: the pressure column is used."""
    joint = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="vacuum", emissivity=0.3)
    table = build_table(JointModel(joint, touch_pressure=1e5), pressure_range=(1e5, 1e7),
                        clearances=[1e-6], temperatures=[350.0])
    jumps = []
    for p in (5e5, 5e6):
        (tmp_path / str(p)).mkdir()
        t = _run(ccx, _two_blocks(format_table(table, "calculix"), p), tmp_path / str(p))
        jumps.append(float(t["NIFUP"].mean() - t["NIFLOW"].mean()))
        h = table.gapcon(p, 0.0, 350.0).h
        q = (T_HOT - T_COLD) / (2 * L_BLOCK / K_BLOCK + 1 / h)
        assert jumps[-1] == pytest.approx(q / h, rel=1e-2)
    assert jumps[0] > 2 * jumps[1]
