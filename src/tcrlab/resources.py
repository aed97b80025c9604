"""What this process may use: memory it can still allocate and cores it can actually get.

Big work (a 16384² surface, an 8192² contact solve, 10⁸ Monte Carlo samples, a 10⁸-point sweep) is
estimated first and refused with the figure when it cannot fit, instead of ending minutes later in a
MemoryError or an out-of-memory kill. Thread counts follow the cores that are free, so a solver does
not oversubscribe a machine that other processes keep busy.

Memory available is the smallest of: the kernel's ``MemAvailable``, the cgroup's limit minus its use
(v2 ``memory.max``/``memory.current``, v1 ``memory.limit_in_bytes``/``memory.usage_in_bytes``), the
address-space limit (``ulimit -v``) minus the process's current size, and ``TCRLAB_MEMORY_LIMIT``
(bytes, or with a suffix: ``"4G"``, ``"512M"``) when set.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from tcrlab.errors import InputError

__all__ = [
    "available_cpus",
    "available_memory",
    "format_bytes",
    "free_cpus",
    "require_memory",
    "runnable_others",
]

_SUFFIX = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def _read(path: str | Path) -> str | None:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return None


def _meminfo_available() -> int | None:
    text = _read("/proc/meminfo")
    m = re.search(r"^MemAvailable:\s+(\d+) kB", text or "", re.MULTILINE)
    return int(m.group(1)) * 1024 if m else None


def _cgroup_dirs(controller: str) -> list[Path]:
    """The cgroup folders of this process for ``controller`` (v1) or the unified (v2) hierarchy."""
    dirs = []
    for line in (_read("/proc/self/cgroup") or "").splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, rel = parts
        if controllers == "":
            dirs.append(Path("/sys/fs/cgroup") / rel.lstrip("/"))
        elif controller in controllers.split(","):
            dirs.append(Path("/sys/fs/cgroup") / controller / rel.lstrip("/"))
    return dirs


def _cgroup_memory_room() -> int | None:
    rooms = []
    for folder in _cgroup_dirs("memory"):
        for limit_name, usage_name in (("memory.max", "memory.current"),
                                       ("memory.limit_in_bytes", "memory.usage_in_bytes")):
            limit, usage = _read(folder / limit_name), _read(folder / usage_name)
            if limit and usage and limit.isdigit() and usage.isdigit() and int(limit) < (1 << 60):
                rooms.append(int(limit) - int(usage))
    return min(rooms) if rooms else None


def _rlimit_room() -> int | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Linux/macOS
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    m = re.search(r"^VmSize:\s+(\d+) kB", _read("/proc/self/status") or "", re.MULTILINE)
    used = int(m.group(1)) * 1024 if m else 0
    return soft - used


def _env_limit() -> int | None:
    raw = os.environ.get("TCRLAB_MEMORY_LIMIT")
    if not raw:
        return None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", raw, re.IGNORECASE)
    if not m:
        raise InputError("TCRLAB_MEMORY_LIMIT", raw, "bytes, or with a suffix, e.g. 4G or 512M")
    return int(float(m.group(1)) * _SUFFIX[m.group(2).upper()])


def available_memory() -> int:
    """Bytes this process can still allocate (the smallest of the limits in the module docstring).

    Returns
    -------
    int
        Memory available [B]; 2⁶² when no limit is known.
    """
    rooms = [r for r in (_meminfo_available(), _cgroup_memory_room(), _rlimit_room(), _env_limit())
             if r is not None]
    return max(0, min(rooms)) if rooms else 1 << 62


def format_bytes(n: float) -> str:
    """A byte count in decimal units, as ``free -h --si`` and most users read it.

    Parameters
    ----------
    n : float
        Bytes [B].

    Returns
    -------
    str
        Three significant digits and a unit (B, kB, MB, GB or TB).

    Examples
    --------
    >>> format_bytes(8.6e9), format_bytes(512)
    ('8.6 GB', '512 B')
    """
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{int(n)} B"


def require_memory(needed: float, what: str, field: str, value: object, *, hint: str = "") -> None:
    """Raise :class:`InputError` when ``needed`` bytes exceed what is available.

    Parameters
    ----------
    needed : float
        Estimated peak bytes of the work.
    what : str
        The work, e.g. ``"a 16384 × 16384 surface (268,435,456 points)"``.
    field : str
        The input that sets the size, named in the message.
    value : object
        Its value, shown in the message.
    hint : str
        What to do instead (a smaller grid, a batch size, ...).

    Raises
    ------
    InputError
        ``needed`` exceeds :func:`available_memory`.
    """
    room = available_memory()
    if needed > room:
        raise InputError(
            field, value, hint or "a smaller size",
            problem=f"{what} needs about {format_bytes(needed)} of memory; {format_bytes(room)} is available",
        )


def _cgroup_cpu_quota() -> float | None:
    quotas = []
    for folder in _cgroup_dirs("cpu"):
        text = _read(folder / "cpu.max")
        if text:
            quota, _, period = text.partition(" ")
            if quota != "max" and period.isdigit() and quota.isdigit():
                quotas.append(int(quota) / int(period))
        quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
        if quota and period and quota.lstrip("-").isdigit() and int(quota) > 0 and period.isdigit():
            quotas.append(int(quota) / int(period))
    return min(quotas) if quotas else None


def available_cpus() -> int:
    """Cores this process may run on: its affinity mask, capped by a cgroup CPU quota (≥ 1).

    Returns
    -------
    int
        Cores, at least 1.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    quota = _cgroup_cpu_quota()
    if quota is not None:
        cores = min(cores, max(1, math.floor(quota)))
    return max(1, cores)


def runnable_others(samples: int = 3) -> int:
    """Processes and threads of others that are runnable right now.

    Linux: the running count of ``/proc/loadavg`` less this reading thread, the least of a few reads
    1 ms apart (a passing burst is not load). Elsewhere the 1-minute load average
    (``os.getloadavg``), which lags and counts this process too. 0 where neither is known.

    Parameters
    ----------
    samples : int
        Reads of ``/proc/loadavg``; the least counts.

    Returns
    -------
    int
        Runnable processes and threads of others, ≥ 0.
    """
    import time

    counts = []
    for k in range(samples):
        m = re.search(r"\s(\d+)/\d+\s", _read("/proc/loadavg") or "")
        if not m:
            break
        counts.append(int(m.group(1)) - 1)
        if k + 1 < samples:
            time.sleep(0.001)
    if counts:
        return max(0, min(counts))
    try:
        return max(0, round(os.getloadavg()[0]))
    except (AttributeError, OSError):  # pragma: no cover - no load average on this system
        return 0


def free_cpus() -> int:
    """Cores not kept busy by others right now: :func:`available_cpus` less :func:`runnable_others`
    (at least 1).

    Returns
    -------
    int
        Free cores, at least 1.
    """
    return max(1, available_cpus() - runnable_others())
