"""Figures a reader can use: engineering units on the axes, x along the horizontal axis of maps, no
wasted constant panel, every curve's legend entry visible, the operating point and measured error bars."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def figures(monkeypatch):
    """Capture the figures the plotting modules save."""
    import tcrlab.plotting.contact as contact
    import tcrlab.plotting.joint as joint
    import tcrlab.plotting.kapitza as kapitza
    import tcrlab.plotting.uq as uq

    caught: list = []

    def keep(fig, path, **kw):
        caught.append(fig)
        return Path(path)

    for module in (contact, joint, kapitza, uq):
        monkeypatch.setattr(module, "save_figure", keep)
    monkeypatch.setattr("matplotlib.pyplot.close", lambda *a, **k: None)
    return caught


def _labels(fig) -> list[str]:
    return [t for ax in fig.axes for t in (ax.get_xlabel(), ax.get_ylabel())]


def test_contact_maps_put_x_along_the_horizontal_axis(figures, tmp_path) -> None:
    from tcrlab.contact import solve
    from tcrlab.plotting.contact import plot_contact_maps
    from tcrlab.surfaces import Topography

    rng = np.random.default_rng(1)
    topo = Topography(rng.normal(size=(32, 16)) * 1e-6, (200e-6, 100e-6))  # Lx = 2 Ly, nx = 2 ny
    res = solve(topo, 1e11, pressure=1e7)
    plot_contact_maps(res, tmp_path / "m.png")
    ax = figures[-1].axes[0]
    image = ax.get_images()[0]
    assert image.get_array().shape == (16, 32)  # rows are y, columns x
    assert ax.get_xlabel() == "x (µm)" and ax.get_ylabel() == "y (µm)"
    assert ax.get_xlim() == pytest.approx((0, 200)) and ax.get_ylim() == pytest.approx((0, 100))


def test_monte_carlo_histograms_use_units_and_skip_constant_outputs(figures, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["mc", str(EXAMPLES / "meterbar/joint_mc.toml"), "-n", "300", "--seed", "1",
              "--plot", str(tmp_path / "h.png")])
    fig = figures[-1]
    labels = _labels(fig)
    assert not any("(SI)" in t for t in labels)
    assert "R_c (cm²K/W)" in labels and "h_c (W/(m²K))" in labels
    visible = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert not any(t.startswith("h_r") for t in visible)  # radiation is constant here
    assert "constant: h_r = 2.15 W/(m²K)" in fig._suptitle.get_text()


def test_sweep_curves_have_units_one_legend_and_stay_visible(figures, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["sweep", str(EXAMPLES / "meterbar/joint_mc.toml"), "--vary", "pressure=0.1MPa:10MPa:log9",
              "--vary", "gas=air,He,vacuum", "-o", str(tmp_path / "s.csv"), "--plot", str(tmp_path / "s.png")])
    fig = figures[-1]
    assert all(ax.get_xlabel() == "pressure (MPa)" for ax in fig.axes)
    assert not any("(SI)" in t for t in _labels(fig))
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["gas=air", "gas=He", "gas=vacuum"]
    lines = fig.axes[0].get_lines()  # h_c: identical for every gas, so the curves must differ in style
    assert len({(ln.get_linestyle(), ln.get_marker()) for ln in lines}) == 3


def test_joint_plot_marks_the_operating_point(figures, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["joint", "--solids", "SS304,SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
              "--gas", "air", "--plot", str(tmp_path / "j.png")])
    texts = [t.get_text() for t in figures[-1].axes[0].get_legend().get_texts()]
    assert any(t.startswith("operating point: 1 MPa, h_j = ") and "cm²K/W" in t for t in texts)


def test_kapitza_measured_point_has_its_error_bar(figures, tmp_path, capsys) -> None:
    """Koh et al., Phys. Rev. B 102, 205304 (2020): Al/sapphire 350 ± 60 MW/m²K at room temperature."""
    from matplotlib.container import ErrorbarContainer

    with pytest.raises(SystemExit):
        main(["kapitza", "Al", "sapphire", "--T", "10K:1000K:log20", "--plot", str(tmp_path / "k.png")])
    ax = figures[-1].axes[0]
    bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert bars
    segment = bars[0].lines[2][0].get_segments()[0]
    assert segment[:, 1].min() == pytest.approx(1 / 4.1e8) and segment[:, 1].max() == pytest.approx(1 / 2.9e8)
