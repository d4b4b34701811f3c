"""Small helpers shared by the exhibit modules ``bijlagen``, ``inleiding`` and ``verantwoording``.

Private to those three modules: a per-edition cache for analyses that several exhibits of
one chapter share, reading the registers in ``data/registers/``, and the sentence on the
kind of data (synthetic or not).
"""
from __future__ import annotations

from typing import Any, Callable

import yaml

from barometer import paths

__all__ = ["cached", "register", "data_sentence"]


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
