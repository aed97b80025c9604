"""Derive the isotropic sound speeds and elastic Debye temperatures of the Kapitza validation materials.

The inputs are the published numbers cited in src/tcrlab/materials/data/materials.toml (section "Acoustic
data for the thermal-boundary-conductance validation"); this script only applies textbook relations:

* cubic or hexagonal single-crystal C_ij -> Voigt-Reuss-Hill bulk and shear moduli (R. Hill, Proc. Phys.
  Soc. A 65, 349 (1952)) -> c_L = sqrt((K + 4G/3)/rho), c_T = sqrt(G/rho);
* polycrystal bulk and shear moduli K, G (WebElements, as compiled in pymatgen's periodic_table.json), or
  Young's modulus and Poisson ratio (K = E/(3(1 - 2 nu)), G = E/(2(1 + nu))) -> the same two speeds;
* elastic Debye temperature theta = (hbar/k_B)(6 pi^2 n)^(1/3) v_m, 3/v_m^3 = 1/c_L^3 + 2/c_T^3, n atoms
  per volume (O. L. Anderson, J. Phys. Chem. Solids 24, 909 (1963)).

Run: python benchmarks/derive_acoustic_materials.py (prints the values; no files written).
"""

from __future__ import annotations

import numpy as np

HBAR = 1.054571817e-34
KB = 1.380649e-23
NA = 6.02214076e23


def vrh(c: np.ndarray) -> tuple[float, float]:
    """(K, G) [Pa] of the Voigt-Reuss-Hill aggregate of a 6x6 stiffness matrix [Pa]."""
    s = np.linalg.inv(c)
    kv = (c[0, 0] + c[1, 1] + c[2, 2] + 2 * (c[0, 1] + c[0, 2] + c[1, 2])) / 9
    gv = (c[0, 0] + c[1, 1] + c[2, 2] - (c[0, 1] + c[0, 2] + c[1, 2]) + 3 * (c[3, 3] + c[4, 4] + c[5, 5])) / 15
    kr = 1 / (s[0, 0] + s[1, 1] + s[2, 2] + 2 * (s[0, 1] + s[0, 2] + s[1, 2]))
    gr = 15 / (4 * (s[0, 0] + s[1, 1] + s[2, 2]) - 4 * (s[0, 1] + s[0, 2] + s[1, 2]) + 3 * (s[3, 3] + s[4, 4] + s[5, 5]))
    return (kv + kr) / 2, (gv + gr) / 2


def cubic(c11: float, c12: float, c44: float) -> np.ndarray:
    c = np.zeros((6, 6))
    c[:3, :3] = c12
    np.fill_diagonal(c[:3, :3], c11)
    c[3, 3] = c[4, 4] = c[5, 5] = c44
    return c * 1e9


def hexagonal(c11: float, c12: float, c13: float, c33: float, c44: float) -> np.ndarray:
    c = np.zeros((6, 6))
    c[0, 0] = c[1, 1] = c11
    c[0, 1] = c[1, 0] = c12
    c[0, 2] = c[2, 0] = c[1, 2] = c[2, 1] = c13
    c[2, 2] = c33
    c[3, 3] = c[4, 4] = c44
    c[5, 5] = (c11 - c12) / 2
    return c * 1e9


def speeds(k: float, g: float, rho: float) -> tuple[float, float]:
    return float(np.sqrt((k + 4 * g / 3) / rho)), float(np.sqrt(g / rho))


def debye(cl: float, ct: float, rho: float, molar_mass: float, atoms: int) -> float:
    """Elastic Debye temperature [K]; molar_mass in g/mol per formula unit of ``atoms`` atoms."""
    n = rho / (molar_mass * 1e-3) * NA * atoms
    vm = (3.0 / (1 / cl**3 + 2 / ct**3)) ** (1 / 3)
    return float(HBAR / KB * (6 * np.pi**2 * n) ** (1 / 3) * vm)


# name: (how, data, rho [kg/m^3], molar mass [g/mol] per formula unit, atoms per formula unit)
# molar masses: IUPAC standard atomic weights (as in pymatgen's periodic_table.json)
M = {"Ga": 69.723, "As": 74.9216, "Sb": 121.76, "Mg": 24.305, "O": 15.9994, "N": 14.0067, "C": 12.0107,
     "Y": 88.90585, "Bi": 208.9804, "Pd": 106.42, "Nb": 92.90638, "Ta": 180.94788, "Sn": 118.71,
     "Ir": 192.217, "Zr": 91.224, "Cr": 51.9961, "Pt": 195.084, "Si": 28.0855, "Ba": 137.327, "F": 18.9984032}
MATERIALS = {
    # single crystals, C_ij in GPa
    "GaAs": ("cij", cubic(118.77, 53.72, 59.44), 5316.9, M["Ga"] + M["As"], 2),
    "GaSb": ("cij", cubic(88.3, 40.2, 43.2), 5610.0, M["Ga"] + M["Sb"], 2),
    "MgO": ("cij", cubic(296.6, 95.9, 156.2), 3584.0, M["Mg"] + M["O"], 2),
    "GaN": ("cij", hexagonal(390, 145, 106, 398, 105), 6150.0, M["Ga"] + M["N"], 2),
    "graphite": ("cij", hexagonal(1109, 139, 0.0, 38.7, 4.95), 2260.0, M["C"], 1),
    "Pt": ("speeds", (3260.0, 1730.0), 21090.0, M["Pt"], 1),  # CRC Table 1 speeds, m/s
    # polycrystal K, G in GPa (WebElements)
    "Bi": ("kg", (31.0, 12.0), 9780.0, M["Bi"], 1),
    "Pd": ("kg", (180.0, 44.0), 12023.0, M["Pd"], 1),
    "Nb": ("kg", (170.0, 38.0), 8570.0, M["Nb"], 1),
    "Ta": ("kg", (200.0, 69.0), 16650.0, M["Ta"], 1),
    "Sn": ("kg", (58.0, 18.0), 7310.0, M["Sn"], 1),
    "Ir": ("kg", (320.0, 210.0), 22650.0, M["Ir"], 1),
    "Zr": ("kg", (97.2, 33.0), 6511.0, M["Zr"], 1),
    "Cr": ("kg", (160.0, 115.0), 7140.0, M["Cr"], 1),
    # isotropic E in GPa and Poisson ratio (Crystran handbook, 5th ed. 2023)
    "a-SiO2": ("enu", (73.1, 0.17), 2203.0, M["Si"] + 2 * M["O"], 3),
    "BaF2": ("enu", (53.07, 0.343), 4890.0, M["Ba"] + 2 * M["F"], 3),
}


def derived() -> dict[str, tuple[float, float, float]]:
    """{name: (c_L, c_T [m/s], elastic Debye temperature [K])}."""
    out = {}
    for name, (how, data, rho, mm, atoms) in MATERIALS.items():
        if how == "cij":
            k, g = vrh(data)
        elif how == "kg":
            k, g = data[0] * 1e9, data[1] * 1e9
        elif how == "enu":
            e, nu = data[0] * 1e9, data[1]
            k, g = e / (3 * (1 - 2 * nu)), e / (2 * (1 + nu))
        if how == "speeds":
            cl, ct = data
        else:
            cl, ct = speeds(k, g, rho)
        out[name] = (cl, ct, debye(cl, ct, rho, mm, atoms))
    return out


if __name__ == "__main__":
    for name, (cl, ct, th) in derived().items():
        print(f"{name:9s} c_L = {cl:7.0f} m/s  c_T = {ct:6.0f} m/s  theta_elastic = {th:6.0f} K")
    # checks against registry entries derived the same way (Si: Hall 1967, 8948/5342 m/s in the registry)
    k, g = vrh(cubic(165.64, 63.94, 79.51))
    print("Si check", speeds(k, g, 2329.0))
