"""Files written by tcrlab are complete or absent: write to a temporary file beside, then rename."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "remove_stale_temporaries", "save_figure"]


@contextlib.contextmanager
def atomic_path(path: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success rename it onto ``path``.

    On any exception the temporary file is removed and ``path`` is left untouched.

    Parameters
    ----------
    path : str or Path
        The target file.
    suffix : str, optional
        Suffix of the temporary file (so writers that choose their format from the suffix work);
        the target's suffix by default.

    Yields
    ------
    Path
        The temporary file to write.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp{os.getpid()}.", suffix=suffix or target.suffix,
                               dir=folder)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporary files that writers of ``path`` killed mid-write (SIGKILL, power loss) left.

    Temporary names carry the writer's process id (``.out.csv.tmp<pid>.<random>.csv``); files of
    processes that no longer run are removed, those of live writers are left alone.

    Parameters
    ----------
    path : str or Path
        The target file whose leftovers are looked for.

    Returns
    -------
    list of Path
        The files removed.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    removed = []
    for candidate in folder.glob(f".{glob.escape(target.name)}.tmp*.*"):
        pid = candidate.name[len(target.name) + 5:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(path: str | Path, mode: str, writer: Callable[[IO[Any]], None], **kw: Any) -> None:
    with atomic_path(path) as tmp, open(tmp, mode, **kw) as fh:
        writer(fh)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically: the file is complete or absent.

    Parameters
    ----------
    path : str or Path
        The target file.
    text : str
        Its content.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     atomic_write_text(Path(folder) / "out.txt", "R = 1.2e-4 K m²/W")
    ...     (Path(folder) / "out.txt").read_text("utf-8")
    'R = 1.2e-4 K m²/W'
    """
    _write(path, "w", lambda fh: fh.write(text), encoding="utf-8")


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: the file is complete or absent.

    Parameters
    ----------
    path : str or Path
        The target file.
    data : bytes
        Its content.
    """
    _write(path, "wb", lambda fh: fh.write(data))


def save_figure(fig: Any, path: str | Path, **kwargs: Any) -> Path:
    """Save a matplotlib figure atomically (format from the suffix) and close it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    path : str or Path
        The target file; its suffix chooses the format.
    **kwargs
        Passed to :meth:`~matplotlib.figure.Figure.savefig`.

    Returns
    -------
    Path
        ``path``.
    """
    import matplotlib.pyplot as plt

    target = Path(path)
    fmt = kwargs.pop("format", target.suffix.lstrip(".") or "png")
    try:
        with atomic_path(target) as tmp:
            fig.savefig(tmp, format=fmt, **kwargs)
    finally:
        plt.close(fig)
    return target
