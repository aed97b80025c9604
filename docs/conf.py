"""Sphinx configuration of tcrlab's documentation site (``make docs``).

Sphinx with numpydoc and MyST: the library's docstrings are numpydoc (Parameters with units in
brackets, Returns, References, Examples), which numpydoc renders natively; the guides are the
Markdown pages of docs/ that also read well on a forge, which MyST parses without conversion; every
docs/*.md page is picked up by a glob, so a new page needs no edit here. The build runs with
warnings as errors (``-W``) in CI.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

import sphinx.ext.autosummary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # the source tree, not an older installed copy
import tcrlab  # noqa: E402 (from the source tree above)

project = "tcrlab"
author = "tcrlab contributors"
copyright = "tcrlab contributors"
release = tcrlab.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]

# MyST: the pages are GitHub-flavoured Markdown with $…$ maths in places
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
# The guides start at "##" so that they nest under the README's "#" title on a forge; MyST's
# advice to start at H1 is a style note, not an error in the page.
suppress_warnings = ["myst.header"]

# API reference: one page per public module, generated from the docstrings
autosummary_generate = True
autosummary_imported_members = False
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_typehints = "none"  # numpydoc's Parameters section carries the types (with units)
numpydoc_show_class_members = False  # autosummary lists them; numpydoc's tables would repeat them
numpydoc_class_members_toctree = False

html_theme = "furo"
html_title = f"tcrlab {release}"
html_static_path: list[str] = []


# The docstrings write maths as plain text, |q| meaning an absolute value; reST would read |q| as a
# substitution reference. Bars in prose are escaped before numpydoc sees the text; code stays as it
# is: doctest lines, literal blocks (after "::") and anything between backquotes.
_CODE = re.compile(r"(`+[^`]*`+)")


def _escape_bars(line: str) -> str:
    return "".join(part if part.startswith("`") else part.replace("|", r"\|") for part in _CODE.split(line))


def _plain_text_bars(app, what, name, obj, options, lines: list[str]) -> None:
    literal_indent = None
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if literal_indent is not None:
            if not stripped or indent > literal_indent:
                continue
            literal_indent = None
        if stripped.startswith((">>>", "... ")):
            continue
        lines[i] = _escape_bars(line)
        if stripped.endswith("::"):
            literal_indent = indent


# Modules whose docstrings are not reST yet (indented notes without a section) can be listed here: they
# are shown verbatim, so the text is complete and the build stays strict for every other module. None is
# listed: every docstring renders as reST. A name listed here is removed once its docstrings are numpydoc.
VERBATIM_DOCSTRINGS: tuple[str, ...] = ()


def _verbatim(app, what, name, obj, options, lines: list[str]) -> None:
    if lines and any(name == m or name.startswith(m + ".") for m in VERBATIM_DOCSTRINGS):
        raw = inspect.getdoc(obj) or ""  # the text as written, not numpydoc's rendering of it
        lines[:] = ["::", ""] + ["    " + line for line in raw.splitlines()] + [""]


# A few sub-packages re-export a function under the name of the module that defines it
# (tcrlab.fem.solve, tcrlab.contact.microhardness, tcrlab.export.gapcon). Autosummary reads a dotted
# name as PACKAGE.ATTRIBUTE before it tries it as a module, so those modules' pages would document the
# function alone. The package's own modules are therefore looked up as modules first.
def _package_modules_first(name: str, grouped_exception: bool = True):
    if name.startswith("tcrlab.") and name in _PACKAGE_MODULES:
        return importlib.import_module(name), None, name
    return _autosummary_import_by_name(name, grouped_exception)


_PACKAGE_MODULES = {m.name for m in pkgutil.walk_packages(tcrlab.__path__, prefix="tcrlab.")}
_autosummary_import_by_name = sphinx.ext.autosummary._import_by_name
sphinx.ext.autosummary._import_by_name = _package_modules_first


# Repository files that the README links to and that the site carries as pages of its own.
REPOSITORY_PAGES = {"benchmarks/README.md": "docs/reference/benchmarks.md", "CHANGELOG.md": "docs/reference/changelog.md"}


def _link_repository_pages(app, relative_path, parent_docname, content: list[str]) -> None:
    if Path(relative_path).name == "README.md" and parent_docname == "index":
        for target, page in REPOSITORY_PAGES.items():
            content[0] = content[0].replace(f"]({target})", f"]({page})")


def setup(app) -> None:
    app.connect("include-read", _link_repository_pages)
    app.connect("autodoc-process-docstring", _verbatim, priority=900)  # after numpydoc: replaces its output
    app.connect("autodoc-process-docstring", _plain_text_bars, priority=400)  # before numpydoc (500)
