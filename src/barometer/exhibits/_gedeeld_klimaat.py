"""Small helpers shared by the exhibit modules ``factoren``, ``klimaat`` and ``bijlage_figuren``.

Private to those three modules: gluing of pre-formatted strings (a no-op outside a kernel,
so that tests can call exhibit functions), a notice shown instead of an exhibit when a
question was not asked or there is nothing to compare with and Dutch enumerations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from barometer.codebook import load_codebook

__all__ = [
    "glue_text",
    "Notice",
    "not_asked",
    "lower_first",
    "join_nl",
    "significance_word",
]


# ----------------------------------------------------------------------------- glue
def glue_text(key: str, text: str) -> str:
    """Glue a pre-formatted Dutch string (:func:`barometer.glue.glue_text`); no-op outside a kernel."""
    from IPython import get_ipython

    text = str(text)
    if get_ipython() is None:
        return text
    from barometer.glue import glue_text as _glue

    return _glue(key, text)


@dataclass
class Notice:
    """A short paragraph shown instead of an exhibit (e.g. a question not asked that year)."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def not_asked(question: str, year: int) -> Notice:
    """Notice that ``question`` (codebook name) was not asked in ``year``."""
    cb = load_codebook()
    asked = ", ".join(str(y) for y in cb.variable(question).years) if question in cb.variables else ""
    extra = f" (wel in {asked})" if asked else ""
    return Notice(f"In de meting van {year} is deze vraag niet gesteld{extra}; er is dus geen figuur.")


def lower_first(label: str) -> str:
    """Codebook label for use inside a sentence: first letter lower-case (not for acronyms)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def join_nl(parts: Sequence[str]) -> str:
    """Dutch enumeration: ``a``, ``a en b``, ``a, b en c``."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def significance_word(p: float, alpha: float = 0.05) -> str:
    """``"wel"`` when ``p < alpha``, else ``"niet"`` (for "is wel/niet significant")."""
    return "wel" if (p is not None and not np.isnan(p) and p < alpha) else "niet"
