"""Checks that a topography file holds what its header promises, before any reader trusts it.

Readers of binary formats take the header's word for the amount of data. A truncated NumPy file was
read into uninitialised memory (different heights on two reads, values up to 1e271), and an X3P file
whose point data no longer matched the MD5 checksum stored beside them was read without a word. The
checks here refuse both, naming the file and the mismatch.

References
----------
NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays" (the .npy header).
ISO 25178-72:2017, XML file format x3p: ``Record3/DataLink/MD5ChecksumPointData`` is the MD5 of the
point-data file named by ``PointDataLink``.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import numpy as np

from tcrlab.errors import CaseFileError

__all__ = ["check_file", "check_npy", "check_x3p"]

_NPY_MAGIC = b"\x93NUMPY"
_MAX_XML = 1 << 20  # main.xml of an X3P file is a few kB; a larger one is not read into memory


def check_npy(path: Path) -> None:
    """Refuse a .npy file whose length differs from what its header declares, or that holds objects.

    Parameters
    ----------
    path : Path
        The file.

    Raises
    ------
    CaseFileError
        For a truncated file or one holding Python objects.
    """
    with open(path, "rb") as fh:
        if fh.read(6) != _NPY_MAGIC:
            return  # not a NumPy file: the format detection decides what it is
        fh.seek(0)
        try:
            version = np.lib.format.read_magic(fh)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, _fortran, dtype = read(fh)
        except (ValueError, OSError, SyntaxError) as exc:
            raise CaseFileError(f"{path}: damaged NumPy header ({exc})") from None
        offset = fh.tell()
    if dtype.hasobject:
        raise CaseFileError(f"{path}: holds Python objects, not numbers; save the heights as floats")
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    actual = path.stat().st_size
    if actual != expected:
        kind = "truncated" if actual < expected else "longer than its header says"
        raise CaseFileError(
            f"{path}: {kind}: the header declares a {' × '.join(map(str, shape))} array of {dtype} "
            f"({expected} bytes with the header), the file has {actual} bytes"
        )


def check_x3p(path: Path) -> None:
    """Refuse an X3P file whose point data do not match their stored MD5 checksum.

    Parameters
    ----------
    path : Path
        The file.

    Raises
    ------
    CaseFileError
        When the checksum does not match.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("main.xml")
            if info.file_size > _MAX_XML:
                raise CaseFileError(f"{path}: main.xml is {info.file_size} bytes; an X3P header is a few kB")
            xml = archive.read(info).decode("utf-8", errors="replace")
            link = re.search(r"<PointDataLink>\s*([^<]+?)\s*</PointDataLink>", xml)
            stored = re.search(r"<MD5ChecksumPointData>\s*([0-9A-Fa-f]{32})\s*</MD5ChecksumPointData>", xml)
            if not (link and stored):
                return  # data inline in the XML, or no checksum recorded: nothing to compare
            digest = hashlib.md5(usedforsecurity=False)
            with archive.open(link.group(1)) as data:
                for block in iter(lambda: data.read(1 << 20), b""):
                    digest.update(block)
    except CaseFileError:
        raise
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CaseFileError(f"{path}: damaged X3P archive ({exc})") from None
    if digest.hexdigest().lower() != stored.group(1).lower():
        raise CaseFileError(
            f"{path}: the point data ({link.group(1)}) do not match the MD5 checksum stored in the file "
            f"({stored.group(1)} stored, {digest.hexdigest().upper()} computed): the file is damaged"
        )


def check_file(path: Path) -> None:
    """Run the check that fits the file's content (NumPy magic) or suffix (.x3p).

    Parameters
    ----------
    path : Path
        The file.

    Raises
    ------
    CaseFileError
        When the file is damaged.
    """
    if path.suffix.lower() == ".x3p":
        check_x3p(path)
    else:
        check_npy(path)
