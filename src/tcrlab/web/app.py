"""The ASGI application: FastAPI routes for the pages and the JSON API, limits, and error handling.

FastAPI (on Starlette) is used for its request handling, its OpenAPI description of the JSON API and its
test client; pages are Jinja2 templates rendered on the server, and a few lines of JavaScript in
``static/app.js`` post the forms and swap in the result fragment. Nothing is fetched from outside the
package: no CDN script, style or font.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from tcrlab.errors import TcrlabError
from tcrlab.web.limits import LIMITS, WebLimits

__all__ = ["create_app"]

T = TypeVar("T")
HERE = Path(__file__).parent


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: answer HTTP 413 to a request body over ``max_bytes`` (declared or streamed)."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Any) -> None:
        body = (b'{"detail":[{"loc":["body"],"msg":"request body too large; valid: at most '
                + str(self.max_bytes).encode() + b' bytes","type":"value_error","field":"body"}]}')
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(send)


def error_detail(exc: TcrlabError) -> dict[str, Any]:
    """The FastAPI-style 422 detail entry of a tcrlab error, naming its field."""
    field = getattr(exc, "field", None)
    text = " ".join(str(exc).split())
    parts = str(field).replace("[", ".").replace("]", "").split(".") if field else []
    return {"loc": ["body", *[p for p in parts if p]], "msg": text, "type": "value_error", "field": field}


def _version() -> str:
    try:
        return version("tcrlab")
    except PackageNotFoundError:  # running from a source tree
        return "0"


def create_app(limits: WebLimits = LIMITS) -> Any:
    """Build the tcrlab web application.

    Parameters
    ----------
    limits : WebLimits
        Per-request bounds (body size, points, layers, text length, time).

    Returns
    -------
    fastapi.FastAPI
        The app; ``tcrlab serve`` runs it with uvicorn, tests drive it with a test client.

    Examples
    --------
    >>> from fastapi.testclient import TestClient
    >>> client = TestClient(create_app())
    >>> r = client.post("/api/joint", json={"solids": ["SS304", "SS304"], "sigma": "1.5 um",
    ...                                     "slope": 0.1, "pressure": "1 MPa", "gas": "vacuum"})
    >>> r.status_code, round(r.json()["h_c"], 1)
    (200, 546.2)
    """
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tcrlab-web")

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        lifespan=lifespan,
        title="tcrlab",
        version=_version(),
        description="Thermal contact resistance calculators: joint conductance, heat paths, Kapitza "
                    "resistance. Values carry units as text, as in tcrlab case files (\"2 MPa\").",
        docs_url=None, redoc_url=None,  # the stock pages load scripts from a CDN; /api is served locally
        openapi_url="/openapi.json",
    )
    app.state.limits = limits
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.pool = pool

    async def compute(fn: Callable[[], T]) -> T:
        """Run library work off the event loop, one calculation at a time, within the time limit."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool, fn)
        try:
            return await asyncio.wait_for(future, limits.time_limit)
        except TimeoutError:
            raise _Timeout(limits.time_limit) from None

    app.state.compute = compute

    @app.exception_handler(TcrlabError)
    async def _tcrlab_error(request: Request, exc: TcrlabError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": [error_detail(exc)]})

    @app.exception_handler(_Timeout)
    async def _timeout(request: Request, exc: _Timeout) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": [{
            "loc": ["body"], "msg": f"the calculation took longer than {exc.seconds:g} s; ask for fewer "
            "points", "type": "timeout", "field": None}]})

    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from tcrlab.web.api import router as api_router
    from tcrlab.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)

    return app


class _Timeout(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds
