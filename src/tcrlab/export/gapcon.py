"""``gapcon(source)``: a Python callable ``f(pressure, clearance, temperature) -> (h, dh/dP, dh/dd)``.

The same quantities an Abaqus GAPCON or CalculiX ``gapcon.f`` user routine returns, from a
:class:`~tcrlab.joint.Joint` (tabled on the fly by :func:`~tcrlab.export.table.build_table`), a
:class:`~tcrlab.export.table.ConductanceTable`, or a JSON table written by ``tcrlab export --format json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tcrlab.errors import InputError
from tcrlab.export.table import ConductanceTable, GapConductance, build_table

__all__ = ["gapcon"]


def gapcon(source: Any, *, touch_pressure: float | None = None, **build: Any) -> Callable[..., GapConductance]:
    """A callable ``f(pressure, clearance, temperature)`` returning :class:`GapConductance`.

    Parameters
    ----------
    source : Joint | ConductanceTable | str | Path
        A joint (tabled here), a table, or a JSON table file.
    touch_pressure : float, optional
        Contact onset for a joint [Pa]; default the lower end of ``pressure_range``.
    **build
        Passed to :func:`~tcrlab.export.table.build_table` for a joint (default
        ``pressure_range=(1e4, 1e8)``).

    Returns
    -------
    callable
        ``f(pressure [Pa], clearance [m], temperature [K])`` returning :class:`GapConductance`
        (h [W/(m² K)] and its derivatives).

    Examples
    --------
    >>> from tcrlab.joint import Joint
    >>> f = gapcon(Joint("SS304", sigma=1.5e-6, slope=0.1, gas="vacuum"), pressure_range=(1e5, 1e7),
    ...            clearances=[1e-6, 1e-5])
    >>> r = f(2e6, 0.0, 300.0)
    >>> bool(r.h > 0 and r.dh_dpressure > 0 and r.dh_dclearance == 0)
    True
    """
    if isinstance(source, ConductanceTable):
        return source.gapcon
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("source", str(path), "a JSON conductance table (tcrlab export --format json)",
                             problem=f"not JSON ({exc.msg}, line {exc.lineno})") from None
        return ConductanceTable.from_dict(data).gapcon
    from tcrlab.joint import Joint

    if not isinstance(source, Joint):
        raise InputError("source", type(source).__name__, "a Joint, a ConductanceTable or a JSON table path")
    from tcrlab.export.model import JointModel

    if "pressures" not in build:
        build.setdefault("pressure_range", (1e4, 1e8))
    lowest = build["pressures"][0] if "pressures" in build else build["pressure_range"][0]
    model = JointModel(source, touch_pressure=float(lowest if touch_pressure is None else touch_pressure))
    return build_table(model, **build).gapcon
