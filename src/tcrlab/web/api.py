"""The JSON API: ``/api/joint``, ``/api/stack``, ``/api/kapitza`` and the registry and example lists the pages load.

Requests carry the fields of the matching case-file table, values with units as text (``"2 MPa"``);
responses are the library's result dictionaries in SI (infinite values as the text ``"inf"``). A bad
value is HTTP 422 whose ``detail[0].field`` names it, as the command line's message does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request

from tcrlab.cli.common import to_jsonable
from tcrlab.errors import InputError
from tcrlab.web import services

__all__ = ["examples", "router"]

router = APIRouter(prefix="/api", tags=["api"])


def examples() -> dict[str, Path]:
    """Packaged heat-path examples by name (a request names one; no path is ever taken from it).

    Returns
    -------
    dict of str to Path
        Example name to its packaged case file.
    """
    import tcrlab

    folder = Path(tcrlab.__file__).parent / "examples"
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}


_JOINT_EXAMPLE = {"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1, "pressure": "1 MPa",
                  "gas": "air", "gas_pressure": "1 atm", "temperature": "300 K"}
_KAPITZA_EXAMPLE = {"material1": "Si", "material2": "Cu", "temperature": "1 K:300 K:log20"}


@router.post("/joint", summary="Joint conductance h_c, h_g, h_r, h_j of two rough solids")
async def api_joint(request: Request, table: Annotated[dict[str, Any], Body(examples=[_JOINT_EXAMPLE])]) -> Any:
    """The fields of a ``[joint]`` table (solids, sigma, slope, pressure, gas, gas_pressure,
    temperature, contact_model, gap_model, …) → h_c, h_g, h_r, h_j [W/(m² K)], R_c [m² K/W], warnings,
    the models used and their sources."""
    return to_jsonable(await request.app.state.compute(lambda: services.joint_result(table)))


@router.post("/stack", summary="Solve a heat path (the tables of a tcrlab run case file)")
async def api_stack(request: Request, doc: Annotated[dict[str, Any], Body()]) -> Any:
    """A case document (``case``, ``boundary``, ``solver``, ``layer`` list) → every element's resistance,
    ΔT, share and temperatures, the bottleneck and the energy balance; equal to ``tcrlab run --json``."""
    result = await request.app.state.compute(lambda: services.stack_result(doc))
    return to_jsonable(result.to_dict())


@router.post("/kapitza", summary="Kapitza resistance by AMM, DMM and the phonon radiation limit")
async def api_kapitza(request: Request, table: Annotated[dict[str, Any], Body(examples=[_KAPITZA_EXAMPLE])]) -> Any:
    """The fields of a ``[kapitza]`` table (material1, material2, temperature range, models) → T [K],
    h_<model> [W/(m² K)], R_<model> [m² K/W] and measured values for the pair."""
    return to_jsonable(await request.app.state.compute(lambda: services.kapitza_result(table)))


@router.get("/materials", summary="Names and categories of the materials registry")
async def api_materials() -> Any:
    from tcrlab.materials import list_materials

    return [{"key": m.key, "name": m.name, "category": m.category} for m in list_materials()]


@router.get("/examples/{name}", summary="A packaged heat-path example as a case document")
async def api_example(name: str) -> Any:
    from tcrlab.cases import load_document

    known = examples()
    if name not in known:
        raise InputError("name", name, "one of: " + ", ".join(known))
    return to_jsonable(load_document(known[name]))
