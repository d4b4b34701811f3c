"""Small helpers shared by the exhibit modules ``bijlagen``, ``inleiding`` and ``verantwoording``.

Private to those three modules: gluing of pre-formatted strings (a no-op outside a kernel,
so that tests can call exhibit functions), a notice shown instead of an exhibit, Dutch
enumerations, a per-edition cache for analyses that several exhibits of one chapter share,
and reading the registers in ``data/registers/``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import yaml

from barometer import paths

__all__ = ["glue_text", "glue_all", "Notice", "join_nl", "lower_first", "years_text", "cached", "register",
           "data_sentence"]


def glue_text(key: str, text: str) -> str:
    """Glue a pre-formatted Dutch string (:func:`barometer.glue.glue_text`); no-op outside a kernel."""
    from IPython import get_ipython

    text = str(text)
    if get_ipython() is None:
        return text
    from barometer.glue import glue_text as _glue

    return _glue(key, text)


def glue_all(values: dict[str, str]) -> dict[str, str]:
    """Glue every ``key: text`` of ``values`` and return ``values``."""
    for key, text in values.items():
        glue_text(key, text)
    return values


@dataclass
class Notice:
    """A short paragraph shown instead of an exhibit (question not asked, nothing to compare)."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def join_nl(parts: Sequence[str]) -> str:
    """Dutch enumeration: ``a``, ``a en b``, ``a, b en c``."""
    parts = [str(p) for p in parts]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def lower_first(label: str) -> str:
    """Codebook label for use inside a sentence: first letter lower-case (not for acronyms)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def years_text(years: Sequence[int]) -> str:
    """``"2025"``, ``"2021 en 2025"``: the measurement years of an exhibit."""
    return join_nl([str(int(y)) for y in sorted(years)])


_CACHE: dict[tuple[int, str], tuple[Any, Any]] = {}


def cached(ed: Any, key: str, compute: Callable[[], Any]) -> Any:
    """Compute an analysis once per edition object (several exhibits of a chapter share it).

    The cache keeps a reference to ``ed`` so that its ``id`` is not reused while cached.
    """
    k = (id(ed), key)
    hit = _CACHE.get(k)
    if hit is None or hit[0] is not ed:
        _CACHE[k] = (ed, compute())
    return _CACHE[k][1]


def register(name: str) -> list[dict[str, Any]]:
    """Entries of ``data/registers/<name>.yaml`` (``assumptions`` or ``conflicts``)."""
    path = paths.DATA / "registers" / f"{name}.yaml"
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def data_sentence(ed: Any) -> str:
    """Dutch sentence on the kind of data: synthetic (sidecar ``synthetic: true``) or not."""
    if ed.synthetic:
        return ("De respondentbestanden van deze editie zijn synthetisch: ze bevatten geen antwoorden "
                "van echte organisaties, maar zijn zo opgebouwd dat de gepubliceerde cijfers van het "
                "rapport na afronding terugkomen. Ze zijn niet bedoeld voor nieuwe conclusies.")
    return "De cijfers zijn berekend uit het respondentbestand van de meting."
