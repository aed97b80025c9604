"""The surface picture: three panels with physical axes, written atomically as a PNG."""

import numpy as np

from tcrlab.plotting.surface import length_unit, plot_surface
from tcrlab.surfaces import self_affine


def test_plot_surface_writes_a_png(tmp_path):
    t = self_affine(64, 0.8, rms_slope=0.1, physical_size=50e-6, seed=1)
    fig = plot_surface(t, tmp_path / "s.png", title="test")
    data = (tmp_path / "s.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    ax_map, ax_psd, ax_prof = fig.axes[:3]
    assert ax_map.get_xlabel() == "x (µm)"
    assert ax_psd.get_xscale() == "log" and ax_psd.get_yscale() == "log"
    # the colour bar is in the height unit and spans the map
    cbar = fig.axes[3]
    assert cbar.get_title().startswith("h (")  # the unit sits above the bar, clear of the PSD axis
    extent = ax_map.images[0].get_extent()
    assert np.allclose(extent, (0, 50, 0, 50))
    assert ax_prof.lines


def test_length_unit():
    assert length_unit(3e-5) == ("µm", 1e-6)
    assert length_unit(2e-9) == ("nm", 1e-9)
    assert length_unit(4e-3) == ("mm", 1e-3)
    assert length_unit(1e-12)[0] == "nm"
