"""Independent finite-volume solutions of the spreading problems (a check that shares no code or series
with tcrlab.spreading): second-order cell-centred finite volumes, cell faces on the source edge and on the
layer interfaces, solved with SciPy's sparse direct solver."""

from __future__ import annotations

import functools

import numpy as np
import pyamg
import pytest
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def _z_faces(layers, nz):
    """Cell faces in z: each layer gets cells in proportion to its thickness (at least 4)."""
    total = sum(t for t, _ in layers)
    faces, ks = [0.0], []
    for t, k in layers:
        n = max(4, round(nz * t / total))
        faces += list(faces[-1] + np.linspace(0, t, n + 1)[1:])
        ks += [k] * n
    return np.array(faces), np.array(ks)


def fv_disk(a, b, layers, h, nr=200, nz=100):
    """Mean and centre temperature rise per watt of an isoflux disk source (axisymmetric FV)."""
    n_src = max(2, round(nr * a / b))
    rf = np.concatenate([np.linspace(0, a, n_src + 1), np.linspace(a, b, nr - n_src + 1)[1:]])
    zf, kz = _z_faces(layers, nz)
    nrr, nzz = rf.size - 1, zf.size - 1
    rc = 0.5 * (rf[1:] + rf[:-1])
    dz = np.diff(zf)
    idx = lambda i, j: j * nrr + i  # noqa: E731
    rows, cols, vals = [], [], []
    rhs = np.zeros(nrr * nzz)
    diag = np.zeros(nrr * nzz)
    for j in range(nzz):
        for i in range(nrr):
            p = idx(i, j)
            if i + 1 < nrr:  # radial face at rf[i+1]
                g = 2 * np.pi * rf[i + 1] * dz[j] * kz[j] / (rc[i + 1] - rc[i])
                rows += [p, idx(i + 1, j)]
                cols += [idx(i + 1, j), p]
                vals += [-g, -g]
                diag[p] += g
                diag[idx(i + 1, j)] += g
            area = np.pi * (rf[i + 1] ** 2 - rf[i] ** 2)
            if j + 1 < nzz:
                g = area / (dz[j] / (2 * kz[j]) + dz[j + 1] / (2 * kz[j + 1]))
                rows += [p, idx(i, j + 1)]
                cols += [idx(i, j + 1), p]
                vals += [-g, -g]
                diag[p] += g
                diag[idx(i, j + 1)] += g
            else:  # sink
                rsink = dz[j] / (2 * kz[j]) + (0.0 if np.isinf(h) else 1.0 / h)
                diag[p] += area / rsink
            if j == 0 and rf[i + 1] <= a * (1 + 1e-12):
                rhs[p] += area / (np.pi * a**2)  # 1 W spread uniformly over the source
    A = sp.csr_matrix((vals, (rows, cols)), shape=(nrr * nzz,) * 2) + sp.diags(diag)
    T = spla.spsolve(A.tocsc(), rhs)
    q = 1.0 / (np.pi * a**2)
    top = T[:nrr] + q * dz[0] / (2 * kz[0])  # face temperature under the uniform flux
    src = rf[1:] <= a * (1 + 1e-12)
    areas = np.pi * (rf[1:] ** 2 - rf[:-1] ** 2)
    mean = float(np.sum(top[src] * areas[src]) / np.sum(areas[src]))
    return mean, float(top[0])


def fv_rectangle_quarter(a, b, c, d, layers, h, n=40, nz=30):
    """Mean temperature rise per watt of a centred a×b source on a c×d plate (quarter domain, 3-D FV)."""
    # quarter: 0..c/2, 0..d/2 with the source over 0..a/2, 0..b/2 (symmetry planes adiabatic)
    def faces(size, half):
        ns = max(2, round(n * size / half))
        return np.concatenate([np.linspace(0, size / 2, ns + 1), np.linspace(size / 2, half / 2, n - ns + 1)[1:]])
    xf, yf = faces(a, c), faces(b, d)
    zf, kz = _z_faces(layers, nz)
    nx, ny, nzz = xf.size - 1, yf.size - 1, zf.size - 1
    dx, dy, dz = np.diff(xf), np.diff(yf), np.diff(zf)
    N = nx * ny * nzz
    idx = np.arange(N).reshape(nzz, ny, nx)
    rows, cols, vals = [], [], []
    diag = np.zeros(N)

    def couple(p, q, g):
        rows.extend([p.ravel(), q.ravel()])
        cols.extend([q.ravel(), p.ravel()])
        vals.extend([-g.ravel(), -g.ravel()])
        np.add.at(diag, p.ravel(), g.ravel())
        np.add.at(diag, q.ravel(), g.ravel())

    K = kz[:, None, None] * np.ones((nzz, ny, nx))
    DX = np.broadcast_to(dx[None, None, :], K.shape)
    DY = np.broadcast_to(dy[None, :, None], K.shape)
    DZ = np.broadcast_to(dz[:, None, None], K.shape)
    gx = (DY[:, :, 1:] * DZ[:, :, 1:]) / (DX[:, :, :-1] / (2 * K[:, :, :-1]) + DX[:, :, 1:] / (2 * K[:, :, 1:]))
    couple(idx[:, :, :-1], idx[:, :, 1:], gx)
    gy = (DX[:, 1:, :] * DZ[:, 1:, :]) / (DY[:, :-1, :] / (2 * K[:, :-1, :]) + DY[:, 1:, :] / (2 * K[:, 1:, :]))
    couple(idx[:, :-1, :], idx[:, 1:, :], gy)
    gz = (DX[1:] * DY[1:]) / (DZ[:-1] / (2 * K[:-1]) + DZ[1:] / (2 * K[1:]))
    couple(idx[:-1], idx[1:], gz)
    rsink = dz[-1] / (2 * kz[-1]) + (0.0 if np.isinf(h) else 1.0 / h)
    np.add.at(diag, idx[-1].ravel(), (DX[-1] * DY[-1]).ravel() / rsink)
    rhs = np.zeros(N)
    src = (xf[1:][None, :] <= a / 2 * (1 + 1e-12)) & (yf[1:][:, None] <= b / 2 * (1 + 1e-12))
    q = 1.0 / (a * b)  # 1 W over the whole source: q over the quarter's part
    rhs[idx[0][src]] = (q * DX[0] * DY[0])[src]
    A = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(N, N)) + sp.diags(diag)
    ml = pyamg.smoothed_aggregation_solver(A.tocsr())
    T = ml.solve(rhs, tol=1e-10, accel="cg", maxiter=200)
    top = T[idx[0]] + q * dz[0] / (2 * kz[0])
    areas = (DX[0] * DY[0])
    return float(np.sum(top[src] * areas[src]) / np.sum(areas[src]))


@functools.lru_cache(maxsize=32)
def _fv_disk_cached(a, b, layers, h, nr, nz):
    return fv_disk(a, b, [tuple(layer) for layer in layers], h, nr, nz)


@pytest.fixture
def fv_disk_solver():
    """fv_disk, remembered across tests (the same plates serve the mean and the centre checks)."""
    return lambda a, b, layers, h, nr=200, nz=100: _fv_disk_cached(a, b, tuple(map(tuple, layers)), h, nr, nz)


@pytest.fixture
def fv_rect_solver():
    return fv_rectangle_quarter
