"""The ``tcrlab`` command: a click group whose sub-commands live one per file and load on demand."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import warnings

import click

from tcrlab.cli.common import report_error, show_warning
from tcrlab.errors import TcrlabError

# command name -> (module, attribute, one-line help). A command appears once its module exists.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "demo": ("tcrlab.cli.demo", "demo", "A 120 W CPU under a heat sink, interface variants compared."),
    "run": ("tcrlab.cli.run", "run", "Solve a heat-path case file (table, JSON, profile plot)."),
    "materials": ("tcrlab.cli.materials", "materials", "List the materials registry with sources."),
    "joint": ("tcrlab.cli.joint", "joint", "Joint conductance of two rough solids (h_c, h_g, h_r, h_j)."),
    "kapitza": ("tcrlab.cli.kapitza", "kapitza", "Kapitza (boundary) resistance by AMM, DMM and limits."),
    "contact": ("tcrlab.cli.contact", "contact", "Numerical rough contact from a topography to h_j."),
    "surface": ("tcrlab.cli.surface", "surface", "Inspect a surface topography: statistics, PSD, map."),
    "meterbar": ("tcrlab.cli.meterbar", "meterbar", "Reduce meter-bar (ASTM D5470-style) data to R_c."),
    "fit": ("tcrlab.cli.fit", "fit", "Fit a contact model to measured h_c(P) data."),
    "mc": ("tcrlab.cli.mc", "mc", "Monte Carlo uncertainty propagation through a case."),
    "sweep": ("tcrlab.cli.sweep", "sweep", "Parameter sweep of a case to a tidy table and a plot."),
    "spread": ("tcrlab.cli.spread", "spread", "Spreading resistance of a source on a plate (closed forms)."),
    "transient": ("tcrlab.cli.transient", "transient", "Thermal transient of a heat path: Zth(t), structure function."),
    "zth": ("tcrlab.cli.zth", "zth", "Evaluate a measured Zth curve: spectrum, structure function, JESD51-14."),
    "export": ("tcrlab.cli.export", "export", "Joint conductance tables for FE programs (Abaqus, ANSYS, CalculiX, COMSOL)."),
    "serve": ("tcrlab.cli.serve", "serve", "Start the local calculator web app and JSON API."),
}


def _available(name: str) -> bool:
    return importlib.util.find_spec(COMMANDS[name][0]) is not None


class LazyGroup(click.Group):
    """The ``tcrlab`` group: lists the commands of :data:`COMMANDS` whose module exists and imports a
    command's module only when that command runs (a fast ``--help``).

    Parameters
    ----------
    *args, **kwargs
        As for :class:`click.Group`.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tcrlab")
def cli() -> None:
    """tcrlab: thermal contact resistance — predict, measure, explain.

    Values take units ("0.5 mm", "2 MPa", "25 degC"); results are SI.
    """


def _terminate_like_interrupt() -> None:
    """SIGTERM (kill, a batch system's time limit) ends the run as Ctrl-C does: temporary files are
    removed, worker processes are stopped, finished sweep blocks are kept, exit code 130."""
    import signal
    import threading

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the group, turning tcrlab errors into a message and exit code 2.

    Exit codes: 0 success; 2 bad input, an unreadable or unwritable file, or memory exhausted (one
    ``error:`` paragraph, no traceback); a command's own code (3: a sweep with failed tasks); 130 Ctrl-C
    or SIGTERM.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after ``tcrlab``; None reads ``sys.argv``.
    """
    warnings.showwarning = show_warning
    _terminate_like_interrupt()
    try:
        cli.main(args=argv, prog_name="tcrlab", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except TcrlabError as exc:
        report_error(exc)
        sys.exit(getattr(exc, "exit_code", 2))
    except OSError as exc:  # a file that cannot be read or written: say which and why, no traceback
        where = exc.filename if exc.filename is not None else "file"
        report_error(f"{where}: {exc.strerror or exc}")
        sys.exit(2)
    except MemoryError:  # an estimate that fell short: still one message, not a traceback
        from tcrlab.resources import available_memory, format_bytes

        report_error(f"out of memory ({format_bytes(available_memory())} available now); "
                     "try a smaller grid, fewer samples or fewer points")
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
