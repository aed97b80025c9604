"""What a single joint evaluation loads (tcrlab joint answers in well under a second only if it stays so):
no dask (pint's optional integration), no SciPy (erfc⁻¹ of a few values comes from the standard library),
no heat-path package; and a repeated command does not load pint either, its text comes from the disk
cache of parsed quantities. Each check runs in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("dask", "scipy", "scipy.special", "pint", "CoolProp", "tcrlab.network", "importlib.metadata")

RUN = """
import json, sys
from tcrlab.cli.main import main
try:
    main({args!r})
except SystemExit as exc:
    code = exc.code
with open({out!r}, "w") as fh:
    json.dump({{"exit": code, "loaded": [m for m in {heavy!r} if m in sys.modules]}}, fh)
"""


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)


def _env(cache: str) -> dict[str, str]:
    env = {**os.environ, "TCRLAB_CACHE_DIR": cache}
    env.pop("TCRLAB_NO_CACHE", None)
    return env


def test_importing_the_joint_path_loads_no_heavy_package(tmp_path):
    code = ("import sys\n"
            "import tcrlab, tcrlab.joint, tcrlab.cases.joint, tcrlab.cli.joint, tcrlab.conductance, tcrlab.units\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    done = _python(code, _env(str(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _joint(tmp_path, args: list[str], name: str) -> dict:
    out = tmp_path / f"{name}.json"
    done = _python(RUN.format(args=args, out=str(out), heavy=HEAVY), _env(str(tmp_path / "cache")))
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert result["exit"] == 0, done.stderr
    assert "h_j  joint" in done.stdout
    return result


def test_a_repeated_joint_command_loads_neither_pint_nor_scipy_nor_dask(tmp_path):
    args = ["joint", "--solids", "SS304,SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
            "--gas", "vacuum", "--temperature", "300K"]
    first = _joint(tmp_path, args, "first")
    assert "pint" in first["loaded"]  # the text is parsed once with pint (which imports scipy's top level) ...
    assert not {"dask", "scipy.special", "tcrlab.network", "CoolProp"} & set(first["loaded"])
    assert list((tmp_path / "cache").glob("quantities-*.json"))
    second = _joint(tmp_path, args, "second")
    assert second["loaded"] == []  # ... and read back from the disk cache afterwards


@pytest.mark.slow
def test_a_repeated_gas_joint_loads_neither_pint_nor_coolprop(tmp_path):
    args = ["joint", "--solids", "SS304,SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
            "--gas", "air", "--gas-pressure", "1atm", "--temperature", "300K"]
    first = _joint(tmp_path, args, "first")
    assert "CoolProp" in first["loaded"] and not {"dask", "scipy.special"} & set(first["loaded"])
    assert _joint(tmp_path, args, "second")["loaded"] == []


PINT_DASK = """
import sys
from tcrlab.units import ureg
assert "dask" not in sys.modules
import dask
import dask.array as da
import pint.compat
q = ureg.Quantity(da.arange(4.0, chunks=2), "m")
assert pint.compat.HAS_DASK and dask.is_dask_collection(q)
assert q.compute().to("mm").magnitude.tolist() == [0.0, 1000.0, 2000.0, 3000.0]
assert (2 * q).persist().compute().magnitude.tolist() == [0.0, 2.0, 4.0, 6.0]
assert dask.compute(q)[0].magnitude.tolist() == [0.0, 1.0, 2.0, 3.0]
assert not dask.is_dask_collection(ureg.Quantity(3.0, "m"))
try:
    ureg.Quantity(3.0, "m").compute()
except AttributeError as exc:
    assert "only implemented for objects of" in str(exc)
else:
    raise AssertionError("compute() of a float quantity")
print("ok")
"""


def test_pint_works_with_dask_arrays_when_dask_is_imported_later(tmp_path):
    done = _python(PINT_DASK, _env(str(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_pint_is_imported_as_is_when_dask_came_first(tmp_path):
    code = ("import dask, sys\nfrom tcrlab.units import ureg\nimport pint.compat\n"
            "print(type(pint.compat.dask_array).__module__)")
    done = _python(code, _env(str(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pint.compat"  # pint's own lazy dask.array, not tcrlab's stand-in
