"""Mutated case files, topography files and meter-bar files through the command line: every input ends
in exit 0 with finite results or exit 2 with a one-paragraph message — never a traceback, a hang past
10 s, or inf/NaN printed as a result. Seeded and derandomized: the same inputs on every run."""

import contextlib
import io
import json
import math
import signal

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tcrlab.cli.main import main

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM for the hang check")

CASE = """[case]
name = "cpu"
area = "4 cm^2"
[boundary]
power = "120 W"
sink_temperature = "40 degC"
[[layer]]
name = "die"
kind = "conduction"
material = "Si"
thickness = "0.5 mm"
[[layer]]
name = "interface"
kind = "contact"
resistance = "1.2e-4 K m^2/W"
"""
SURFACE = "\n".join(",".join(f"{((i * 7 + j * 3) % 11 - 5) * 0.1:.2f}" for j in range(6)) for i in range(6)) + "\n"
METERBAR = """# area = 6.45 cm^2
# hot.material = "SS304"
# cold.material = "SS304"
run,bar,position [mm],temperature [degC]
1,hot,10,50.0
1,hot,20,55.0
1,hot,30,60.0
1,cold,10,30.0
1,cold,20,25.0
1,cold,30,20.0
"""

# what a damaged file, a careless edit or a hostile upload puts into a number or a unit
TOKENS = ["0", "-1", "1e400", "-1e-400", "nan", "inf", "-inf", "9**9**9", "10^10^10", "1e308*1e308", "(", ")",
          "\u202e", "\u0661\u0662", "\x00", "\x07", "\ufeff", ",", ",,", ";", "\n", "\r\n", '"', "'", "=", "[", "]",
          "[[", "{", "}", "#", " mm", " um", " MPa", " degC", " K", " W", " kg", "µ", "²", "/", "*", "**", "^",
          "e", "E+", ".", "..", "0x1p3", "1_000", "true", "[]", "{}", "\t", "1" * 300, "-", "+"]

MUTATION = st.tuples(st.sampled_from(["replace", "insert", "delete", "duplicate_line", "drop_line"]),
                     st.floats(0, 1), st.sampled_from(TOKENS), st.integers(1, 12))


def mutate(text: str, mutations) -> str:
    for op, where, token, length in mutations:
        pos = int(where * len(text))
        if op == "replace":
            text = text[:pos] + token + text[pos + length:]
        elif op == "insert":
            text = text[:pos] + token + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + length:]
        else:
            lines = text.split("\n")
            k = min(int(where * len(lines)), len(lines) - 1)
            lines = lines[:k] + ([lines[k]] * 2 if op == "duplicate_line" else []) + lines[k + 1:]
            text = "\n".join(lines)
    return text


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang("no answer within 10 s")


def _non_finite(obj) -> bool:
    if isinstance(obj, float):
        return not math.isfinite(obj)
    if isinstance(obj, str):
        return obj.strip().lower() in {"inf", "-inf", "nan", "+inf"}
    if isinstance(obj, dict):
        return any(_non_finite(v) for v in obj.values())
    if isinstance(obj, list):
        return any(_non_finite(v) for v in obj)
    return False


def run_cli(argv, *, limit: bool = True) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``tcrlab argv`` in this process. ``limit``: fail after 10 s of
    CPU time (a parser that spins; CPU time, so that a machine busy with other work does not count)
    or 60 s on the clock (one that waits)."""
    out, err = io.StringIO(), io.StringIO()
    handlers = (signal.signal(signal.SIGPROF, _alarm), signal.signal(signal.SIGALRM, _alarm)) if limit else None
    if limit:
        signal.setitimer(signal.ITIMER_PROF, 10.0)
        signal.alarm(60)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code
    finally:
        if limit:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.alarm(0)
            signal.signal(signal.SIGPROF, handlers[0])
            signal.signal(signal.SIGALRM, handlers[1])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module", autouse=True)
def imports_loaded(tmp_path_factory):
    """Run each seed once first, untimed: the first call imports SciPy, pandas, pint..., which is not
    what the 10 s limit is about."""
    folder = tmp_path_factory.mktemp("seeds")
    for name, text, argv in (("c.toml", CASE, ["run"]), ("s.csv", SURFACE, ["surface"]),
                             ("m.csv", METERBAR, ["meterbar"])):
        (folder / name).write_text(text)
        extra = {"surface": ["--unit", "um", "--size", "100um"], "meterbar": ["--mc", "0"]}.get(argv[0], [])
        code, out, err = run_cli([*argv, str(folder / name), *extra, "--json"], limit=False)
        assert code == 0 and json.loads(out), err


def check(argv) -> None:
    code, out, err = run_cli(argv)
    assert code in (0, 2), (code, err[-2000:])
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("error:") or "Error:" in err, err
    else:
        assert not _non_finite(json.loads(out)), out[:2000]


SETTINGS = dict(derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))


@seed(19)
@settings(max_examples=200, **SETTINGS)
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_case_files(tmp_path_factory, mutations):
    path = tmp_path_factory.getbasetemp() / "fuzz_case.toml"
    path.write_text(mutate(CASE, mutations), encoding="utf-8", errors="surrogatepass")
    check(["run", str(path), "--json"])


@seed(19)
@settings(max_examples=160, **SETTINGS)
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_topography_files(tmp_path_factory, mutations):
    path = tmp_path_factory.getbasetemp() / "fuzz_surface.csv"
    path.write_text(mutate(SURFACE, mutations), encoding="utf-8")
    check(["surface", str(path), "--unit", "um", "--size", "100um", "--json"])


@seed(19)
@settings(max_examples=160, **SETTINGS)
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_meterbar_files(tmp_path_factory, mutations):
    path = tmp_path_factory.getbasetemp() / "fuzz_meterbar.csv"
    path.write_text(mutate(METERBAR, mutations), encoding="utf-8")
    check(["meterbar", str(path), "--json", "--mc", "0"])
