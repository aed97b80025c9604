"""The calculator pages: forms rendered on the server and the fragments their scripts swap in.

Each ``/ui/<page>`` endpoint takes the form as JSON (the same tables as the API), calls the services and
answers ``{"html": …}`` (plus the CSV/TOML the page offers for download), or HTTP 422 whose ``detail``
names the field so the page can show the message next to it.
"""

from __future__ import annotations

import io
import json
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse

from tcrlab.web import services
from tcrlab.web.toml_text import document_to_toml

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

GASES = ("air", "N2", "He", "Ar", "H2", "CO2", "vacuum")
CONTACT_MODELS_UI = ("cmy", "cmy-correlation", "mikic", "elastoplastic", "asperity")
# the joint fields the heat-path editor offers for a joint layer (all others stay available in files)
JOINT_LAYER_FIELDS = ("solids", "sigma", "slope", "pressure", "gas", "gas_pressure", "temperature",
                      "contact_model")


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    from tcrlab.materials import list_materials

    names = [m.key for m in list_materials()]
    return request.app.state.templates.TemplateResponse(
        request, template, {"materials": names, "page": template.split(".")[0], **context})


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    return _page(request, "index.html")


@router.get("/joint", response_class=HTMLResponse)
async def joint_page(request: Request) -> HTMLResponse:
    return _page(request, "joint.html", gases=GASES, models=CONTACT_MODELS_UI)


@router.get("/stack", response_class=HTMLResponse)
async def stack_page(request: Request) -> HTMLResponse:
    from tcrlab.cases.stack import LAYER_FIELDS
    from tcrlab.web.api import examples

    kinds = {k: [f for f in v if f not in ("name", "kind", "area", "temperature_dependent")]
             for k, v in LAYER_FIELDS.items() if k in ("conduction", "contact", "tim", "convection")}
    kinds["joint"] = list(JOINT_LAYER_FIELDS)
    return _page(request, "stack.html", kinds_json=json.dumps(kinds), examples=list(examples()))


@router.get("/kapitza", response_class=HTMLResponse)
async def kapitza_page(request: Request) -> HTMLResponse:
    return _page(request, "kapitza.html")


@router.get("/spreading", response_class=HTMLResponse)
async def spreading_page(request: Request) -> HTMLResponse:
    return _page(request, "spreading.html")


@router.get("/api", response_class=HTMLResponse)
async def api_page(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    routes = [(path, method.upper(), op.get("summary", ""), op.get("description", ""))
              for path, ops in spec["paths"].items() for method, op in ops.items()]
    return _page(request, "api.html", routes=routes)


def _joint_csv(pressures: np.ndarray, curve: Any) -> str:
    out = io.StringIO()
    out.write("pressure [Pa],h_c [W/(m2 K)],h_g [W/(m2 K)],h_r [W/(m2 K)],h_j [W/(m2 K)],R_c [m2 K/W]\n")
    cols = [np.broadcast_to(np.asarray(getattr(curve, a), dtype=float), pressures.shape)
            for a in ("h_c", "h_g", "h_r", "h_j", "R_c")]
    for row in zip(pressures, *cols, strict=True):
        out.write(",".join(f"{v:.6g}" for v in row) + "\n")
    return out.getvalue()


@router.post("/ui/joint")
async def ui_joint(request: Request, form: Annotated[dict[str, Any], Body()]) -> Any:
    table = {k: v for k, v in form.get("joint", {}).items() if v not in ("", None, [])}
    plot_range = str(form.get("plot_range") or "0.1 MPa:100 MPa:log40")

    def work() -> dict[str, Any]:
        from tcrlab.plotting.joint import plot_joint_curve

        result = services.joint_result(table)
        pressures, curve = services.joint_curve(table, plot_range)
        d = result["details"]
        title = f"{d['solid1']}/{d['solid2']}, {d.get('medium')}"
        svg = services.svg_of(lambda p: plot_joint_curve(pressures, curve, p, title=title))
        return {"result": result, "svg": svg, "csv": _joint_csv(pressures, curve)}

    out = await request.app.state.compute(work)
    html = request.app.state.templates.get_template("joint_result.html").render(
        r=out["result"], svg=out["svg"])
    toml = document_to_toml({"joint": table}, header="tcrlab joint case: `tcrlab run joint.toml` or "
                            "`tcrlab joint joint.toml`")
    return {"html": html, "csv": out["csv"], "toml": toml}


@router.post("/ui/stack")
async def ui_stack(request: Request, doc: Annotated[dict[str, Any], Body()]) -> Any:
    def work() -> dict[str, Any]:
        from tcrlab.plotting.profile import plot_profile

        result = services.stack_result(doc)

        def draw(path: Any) -> None:
            from tcrlab.fileio import save_figure

            save_figure(plot_profile(result), path)

        return {"result": result, "svg": services.svg_of(draw)}

    out = await request.app.state.compute(work)
    result = out["result"]
    celsius = float(np.min(result.node_temperatures)) > 200.0
    html = request.app.state.templates.get_template("stack_result.html").render(
        r=result, svg=out["svg"], offset=273.15 if celsius else 0.0, unit="°C" if celsius else "K",
        bottleneck=result.element(result.bottleneck))
    toml = document_to_toml(doc, header="tcrlab heat path: `tcrlab run case.toml`")
    return {"html": html, "toml": toml}


@router.post("/ui/kapitza")
async def ui_kapitza(request: Request, form: Annotated[dict[str, Any], Body()]) -> Any:
    table = {k: v for k, v in form.get("kapitza", {}).items() if v not in ("", None, [])}

    def work() -> dict[str, Any]:
        from tcrlab.plotting.kapitza import plot_kapitza

        out = services.kapitza_result(table)
        models = [k[2:] for k in out if k.startswith("R_")]
        resistances = {m: out[f"R_{m}"] for m in models}
        svg = services.svg_of(lambda p: plot_kapitza(out["T"], resistances, p, measured=out["measured"],
                                                     title=f"{out['material1']} | {out['material2']}"))
        return {"out": out, "svg": svg, "models": models}

    res = await request.app.state.compute(work)
    out = res["out"]
    t = np.atleast_1d(out["T"])
    rows = [(float(t[i]), [float(np.atleast_1d(out[f"R_{m}"])[i]) for m in res["models"]]) for i in range(t.size)]
    html = request.app.state.templates.get_template("kapitza_result.html").render(
        out=out, svg=res["svg"], models=res["models"], rows=rows)
    toml = document_to_toml({"kapitza": table}, header="tcrlab Kapitza case: `tcrlab run kapitza.toml`")
    return {"html": html, "toml": toml}


def spreading_document(form: dict[str, Any]) -> dict[str, Any]:
    """The heat-path case of the spreading page: one ``spreader`` layer (source on a layered plate).

    The page's fields map onto the case file's ``[[layer]] kind = "spreader"`` table, so the numbers are
    those ``tcrlab run`` gives for the same file.
    """
    f = {k: str(v).strip() for k, v in form.items() if isinstance(v, str | int | float)}
    shape = f.get("shape", "rectangle")
    if shape == "disk":
        source, plate = f.get("source_length", ""), f.get("plate_length", "")
        case = {"name": "spreading (disk)", "diameter": source}
    else:
        source = [f.get("source_length", ""), f.get("source_width", "")]
        plate = [f.get("plate_length", ""), f.get("plate_width", "")]
        case = {"name": "spreading (rectangle)", "length": source[0], "width": source[1]}
    spreader: dict[str, Any] = {"name": "plate", "kind": "spreader", "shape": shape, "source": source,
                                "plate": plate}
    if f.get("x") or f.get("y"):
        spreader["source_position"] = [f.get("x", ""), f.get("y", "")]
    if f.get("h"):
        spreader["h"] = f["h"]
    else:
        spreader["sink"] = "isothermal"
    layers = []
    for row in form.get("plate_layer", []) if isinstance(form.get("plate_layer"), list) else []:
        row = {k: str(v).strip() for k, v in row.items() if str(v).strip()}
        if row:
            layers.append(row)
    spreader["plate_layer"] = layers
    return {"case": case,
            "boundary": {"power": f.get("power", ""), "sink_temperature": f.get("sink_temperature", "")},
            "solver": {"conductivity": "reference"}, "layer": [spreader]}


@router.post("/ui/spreading")
async def ui_spreading(request: Request, form: Annotated[dict[str, Any], Body()]) -> Any:
    doc = spreading_document(form)

    def work() -> Any:
        return services.stack_result(doc)

    result = await request.app.state.compute(work)
    celsius = float(np.min(result.node_temperatures)) > 200.0
    rows = {e.kind: e for e in result.elements}
    html = request.app.state.templates.get_template("spreading_result.html").render(
        r=result, offset=273.15 if celsius else 0.0, unit="°C" if celsius else "K",
        spreading=rows.get("spreading"))
    toml = document_to_toml(doc, header="tcrlab heat path with a spreader: `tcrlab run spreading.toml`")
    return {"html": html, "toml": toml}
