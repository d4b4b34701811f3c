"""What the build and the publishing steps share about the book on disk.

The table of contents, the Jupyter Book command, the synthetic-data notice and the build's
error type live here, below :mod:`barometer.book.build`, :mod:`barometer.publishing.publish`,
:mod:`barometer.publishing.workbook` and :mod:`barometer.book.pdf`, so that these modules need not import each
other in a circle (``tests/test_imports.py`` checks that the package has no import cycle).
:mod:`barometer.book.build` re-exports every name, so ``barometer.book.build.BuildError`` still works.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

__all__ = ["BuildError", "SYNTHETIC_NOTICE", "PAGE_SUFFIXES", "toc_documents", "jupyter_book"]

#: Banner on every page when the respondent file's sidecar says ``synthetic: true``.
SYNTHETIC_NOTICE = (
    "Let op: deze uitgave draait op synthetische gegevens. Die zijn zo gemaakt dat ze "
    "alleen de gepubliceerde cijfers van het rapport nabootsen; verdere verbanden in deze "
    "gegevens zeggen niets over echte organisaties."
)
#: Suffixes of the pages a ``_toc.yml`` may name.
PAGE_SUFFIXES = (".ipynb", ".md")


class BuildError(RuntimeError):
    """A step of the build failed; the message says which step, chapter and cell."""


def toc_documents(toc_path: Path) -> list[str]:
    """Every document listed in a Jupyter Book ``_toc.yml``, in book order, without suffix."""
    toc = yaml.safe_load(Path(toc_path).read_text(encoding="utf-8")) or {}
    docs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("root", "file"):
                if isinstance(node.get(key), str):
                    doc = node[key]
                    docs.append(doc.rsplit(".", 1)[0] if doc.endswith(PAGE_SUFFIXES) else doc)
            for key in ("parts", "chapters", "sections", "subtrees", "entries"):
                walk(node.get(key))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return docs


def jupyter_book() -> list[str]:
    """The ``jupyter-book`` command of this environment."""
    exe = Path(sys.executable).with_name("jupyter-book")
    if exe.is_file():
        return [str(exe)]
    found = shutil.which("jupyter-book")
    if found:
        return [found]
    raise BuildError("jupyter-book is not installed in this environment (pip install -r requirements.txt).")
