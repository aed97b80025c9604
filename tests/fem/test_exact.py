"""Exact solutions the Q1 model must reproduce to round-off: 1-D conduction through blocks joined by a
uniform interface conductance (the temperature is piecewise linear in z, which Q1 represents exactly), the
same stack solved by the 1-D thermal circuit, and the element matrices against scikit-fem's assembly."""

import math

import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.fem import Body, Boundary, Interface, LayeredAssembly, MeshOptions, SolverOptions, solve
from tcrlab.fem.assembly import body_stiffness, element_nodes, face_cells, tensor_cells
from tcrlab.fem.geometry import SIDES
from tcrlab.fem.mesh import build_mesh

K1, K2, L1, L2, H, Q, T0 = 20.0, 150.0, 3e-3, 5e-3, 2.5e4, 4e4, 300.0
FOOT = {"box": ((0.0, 0.01), (0.0, 0.012)), "axisymmetric": ((0.0, 0.008),), "planar": ((-0.005, 0.01),)}


def _two_blocks(geometry: str, method: str = "auto", grading: float = 3.0) -> LayeredAssembly:
    fp = FOOT[geometry]
    return LayeredAssembly(
        geometry,
        [Body("lower", fp, L1, conductivity=K1, cells=5), Body("upper", fp, L2, conductivity=K2, cells=7)],
        interfaces=[Interface("joint", ("upper", "lower"), H)],
        boundaries=[Boundary("heater", "upper.top", "heat_flux", Q),
                    Boundary("sink", "lower.bottom", "temperature", T0)],
        mesh=MeshOptions(min_cells=3, grading=grading), depth=0.02)


def _exact(z: np.ndarray, body: str) -> np.ndarray:
    """T(z): lower block T0 + q z/k1; jump q/h; upper block linear with slope q/k2."""
    if body == "lower":
        return T0 + Q * z / K1
    return T0 + Q * L1 / K1 + Q / H + Q * (z - L1) / K2


@pytest.mark.parametrize("geometry", ["box", "axisymmetric", "planar"])
@pytest.mark.parametrize("method", ["direct", "amg"])
def test_two_blocks_uniform_conductance_profile_and_jump(geometry: str, method: str) -> None:
    r = solve(_two_blocks(geometry), SolverOptions(method=method, tolerance=1e-13))
    for body in ("lower", "upper"):
        axes, t = r.body_temperature(body)
        z = axes[-1].reshape((-1,) + (1,) * (t.ndim - 1))
        np.testing.assert_allclose(t, np.broadcast_to(_exact(z, body), t.shape), rtol=0, atol=1e-6)
    itf = r.interfaces[0]
    assert itf.mean_jump == pytest.approx(Q / H, abs=1e-6)  # T(upper) − T(lower): upper is named first
    assert itf.max_jump == pytest.approx(Q / H, abs=1e-6)
    area = itf.area
    assert itf.heat == pytest.approx(Q * area, rel=1e-9)
    assert abs(r.energy_balance_error) < 1e-9


def _stack_case(area: float) -> object:
    doc = {
        "case": {"name": "1-D", "area": f"{area} m^2"},
        "boundary": {"heat_flux": f"{Q} W/m^2", "sink_temperature": f"{T0} K"},
        "layer": [
            {"name": "lower", "kind": "conduction", "conductivity": f"{K1} W/(m K)", "thickness": f"{L1} m"},
            {"name": "joint", "kind": "contact", "conductance": f"{H} W/(m^2 K)"},
            {"name": "upper", "kind": "conduction", "conductivity": f"{K2} W/(m K)", "thickness": f"{L2} m"},
        ],
    }
    return build_case(doc, source="stack")


@pytest.mark.parametrize("geometry", ["box", "axisymmetric"])
def test_one_dimensional_stack_matches_the_thermal_circuit(geometry: str) -> None:
    """The 1-D circuit (tcrlab.network, as `tcrlab run` solves it) and the FE model of the same stack."""
    r = solve(_two_blocks(geometry))
    area = r.interfaces[0].area
    stack = _stack_case(area).solve()
    t_top = r.face_temperature("heater")[0]
    assert t_top == pytest.approx(float(stack.T_hot), rel=0, abs=1e-6)
    assert r.resistance("heater") == pytest.approx(float(stack.total_resistance), rel=1e-6)


def test_convective_sink_matches_the_circuit() -> None:
    a = _two_blocks("box")
    a.boundaries[1] = Boundary("fins", "lower.bottom", "convection", 800.0, ambient=T0)
    r = solve(a)
    rth = L1 / K1 + 1 / H + L2 / K2 + 1 / 800.0
    assert r.face_temperature("heater")[0] == pytest.approx(T0 + Q * rth, abs=1e-6)
    assert r.boundary_heat["fins"] == pytest.approx(-Q * r.interfaces[0].area, rel=1e-9)


def _skfem_matrix(bm, radial: bool):
    import skfem
    from skfem.helpers import dot, grad

    dim = len(bm.axes)
    if dim == 3:
        mesh = skfem.MeshHex.init_tensor(*bm.axes)
        basis = skfem.Basis(mesh, skfem.ElementHex1())
    else:
        mesh = skfem.MeshQuad.init_tensor(*bm.axes)
        basis = skfem.Basis(mesh, skfem.ElementQuad1(), intorder=4)

    @skfem.BilinearForm
    def form(u, v, w):
        weight = 2 * math.pi * w.x[0] if radial else 1.0
        return dot(grad(u), grad(v)) * weight

    A = form.assemble(basis)
    return A, mesh.p


@pytest.mark.parametrize("geometry", ["box", "axisymmetric", "planar"])
def test_tensor_product_assembly_equals_scikit_fem(geometry: str) -> None:
    """Both the Kronecker (constant k) and the cell-by-cell (k per cell) assemblies equal scikit-fem's
    ElementHex1 / ElementQuad1 stiffness matrix on a graded grid (compared through the quadratic form on
    random vectors mapped by node coordinates)."""
    a = _two_blocks(geometry, grading=4.0)
    mesh = build_mesh(a)
    bm = mesh.bodies["upper"]
    radial = geometry == "axisymmetric"
    ours_k = body_stiffness(bm, radial=radial, scale=1.0, k=1.0)
    ours_c = body_stiffness(bm, radial=radial, scale=1.0, k=np.ones(bm.n_elements))
    ours_k = ours_k.toarray()
    ours_c = ours_c.toarray()
    ref, p = _skfem_matrix(bm, radial)
    # our node coordinates (axis 0 fastest)
    grids = np.meshgrid(*bm.axes, indexing="ij")
    coords = np.stack([g.ravel(order="F") for g in grids])
    # map scikit-fem's nodes onto ours
    order = np.lexsort(p[::-1])
    ours_order = np.lexsort(coords[::-1])
    perm = np.empty(p.shape[1], dtype=int)
    perm[ours_order] = order
    np.testing.assert_allclose(coords, p[:, perm], atol=1e-15)
    ref = ref.toarray()[np.ix_(perm, perm)]
    scale = np.abs(ref).max()
    np.testing.assert_allclose(ours_k, ref, atol=1e-12 * scale)
    np.testing.assert_allclose(ours_c, ref, atol=1e-12 * scale)


def test_face_cells_cover_the_face_areas() -> None:
    for geometry, expected in (("box", 0.01 * 0.012), ("axisymmetric", math.pi * 0.008**2), ("planar", 0.015 * 0.02)):
        a = _two_blocks(geometry)
        mesh = build_mesh(a)
        top = face_cells(mesh.bodies["upper"], "top", lateral_dims=a.lateral_dims, radial=a.radial,
                         scale=a.depth if geometry == "planar" else 1.0, sides=SIDES[geometry])
        assert top.areas.sum() == pytest.approx(expected, rel=1e-12)
    a = _two_blocks("axisymmetric")
    mesh = build_mesh(a)
    rim = face_cells(mesh.bodies["upper"], "rim", lateral_dims=1, radial=True, scale=1.0, sides=SIDES["axisymmetric"])
    assert rim.areas.sum() == pytest.approx(2 * math.pi * 0.008 * L2, rel=1e-12)
    bm = mesh.bodies["upper"]
    assert element_nodes(bm, tensor_cells(bm)).max() == bm.offset + bm.n_nodes - 1


@pytest.mark.parametrize("geometry", ["planar", "box"])
def test_volume_source_between_isothermal_sides_gives_the_parabola(geometry: str) -> None:
    """−k T'' = q''' on 0 < x < L with T = T0 at both sides: T = T0 + q''' x (L − x)/(2k). Linear elements
    are exact at the nodes in 1-D, and a z-independent field reduces the tensor Q1 system to the 1-D one."""
    from tcrlab.fem import HeatSource

    length, k, power = 0.02, 40.0, 7.0
    fp = ((0.0, length),) if geometry == "planar" else ((0.0, length), (0.0, 0.005))
    a = LayeredAssembly(geometry, [Body("slab", fp, 0.003, conductivity=k, cells=3)],
                        boundaries=[Boundary("left", "slab.xmin", "temperature", T0),
                                    Boundary("right", "slab.xmax", "temperature", T0)],
                        sources=[HeatSource("joule", "slab", power)],
                        mesh=MeshOptions(min_cells=9, grading=2.5), depth=0.01)
    r = solve(a)
    volume = length * 0.003 * (0.01 if geometry == "planar" else 0.005)
    q3 = power / volume
    axes, t = r.body_temperature("slab")
    x = axes[0]
    exact = T0 + q3 * x * (length - x) / (2 * k)
    np.testing.assert_allclose(t.reshape(-1, len(x)), np.broadcast_to(exact, (t.size // len(x), len(x))), atol=1e-9)
    assert r.boundary_heat["left"] == pytest.approx(-power / 2, rel=1e-9)
    assert abs(r.energy_balance_error) < 1e-10
