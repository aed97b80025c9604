"""Exceptions and warnings shared by every part of tcrlab.

Models raise :class:`InputError` (a ``ValueError``) that names the parameter, the offending value and
what is valid; the command line turns any :class:`TcrlabError` into a one-paragraph message and a
non-zero exit code. Inputs that are legal but outside a correlation's validated range raise a
:class:`ValidityWarning` instead.
"""

from __future__ import annotations

from typing import Any


class TcrlabError(Exception):
    """Base class of every error tcrlab raises on purpose."""


class InputError(TcrlabError, ValueError):
    """A parameter has an invalid value.

    The message reads ``<field> = <value>: <problem>; valid: <expected>`` (and names the file when one
    is given), so the user learns what to change without reading a traceback.

    Parameters
    ----------
    field : str
        The parameter's name as the user knows it (``"layer[1].thickness"``).
    value : object
        The offending value.
    expected : str
        What is valid.
    problem : str, optional
        What is wrong, when the value alone does not say it.
    source : str, optional
        The file the value came from.

    Examples
    --------
    >>> raise InputError("sigma", -1.0, "a finite number > 0 [m]")
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: sigma = -1.0; valid: a finite number > 0 [m]
    """

    def __init__(
        self,
        field: str,
        value: Any,
        expected: str,
        *,
        problem: str | None = None,
        source: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.problem = problem
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.source}: " if self.source else ""
        shown = _short_repr(self.value)
        problem = f": {self.problem}" if self.problem else ""
        return f"{where}{self.field} = {shown}{problem}; valid: {self.expected}"


class MaterialNotFoundError(InputError, KeyError):
    """An unknown material name; the message lists the closest known names.

    Parameters
    ----------
    field, value, expected, problem, source
        As for :class:`InputError`.
    """

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self._message()


class CaseFileError(TcrlabError):
    """A case file cannot be read or is malformed (names the file and the field)."""


class PartialFailureError(TcrlabError):
    """Work finished and its results were written, but some of it failed (the CLI exits with 3)."""

    exit_code = 3


class ConvergenceError(TcrlabError):
    """An iterative solver did not reach its tolerance."""


class ValidityWarning(UserWarning):
    """An input lies outside the range over which a correlation was validated."""


class UnitWarning(ValidityWarning):
    """A number passed to the SI Python API lies far outside any physical range for its quantity — most
    likely a unit slip (µm given as m, °C as K, MPa as Pa). The message names the SI unit expected."""


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
