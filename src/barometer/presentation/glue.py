"""Helpers that glue pre-formatted text, direction words, tables and figures into the book.

Numbers are glued as Dutch strings formatted by :mod:`barometer.presentation.formatting` (a numpy scalar
renders empty in a glue role with a format spec, and format specs know no locale); direction
words (gestegen/gedaald, vaker/minder vaak) are derived from the data, so that the prose of a
new year's edition reads correctly. :func:`myst_nb.glue` does the gluing.

Figures leave the build through glue only as released text
(:class:`barometer.presentation.disclosure.Released`): a cell of a disclosed exhibit frame
(:meth:`barometer.presentation.exhibit.Disclosed.text`), a statistic released with its base
(:func:`barometer.presentation.disclosure.release`), a public respondent count
(:func:`barometer.presentation.disclosure.public`) or a sentence of such parts
(:func:`barometer.presentation.disclosure.compose`). :func:`glue_text` refuses a plain string that carries a
figure (``"76%"``, ``"3,63"``, ``"12"``; years excepted), so a value the policy hides in a table
cannot be glued into the prose by formatting it directly. An exhibit module whose glue is not yet
converted says so with a module constant ``GLUE_UNCHECKED = True`` (the audit still scans what
it glues); every other caller is checked.

Outside a running IPython kernel (unit tests, scripts) nothing is glued: the functions still
check their arguments and return the value, so exhibit functions can be called anywhere.
"""

from __future__ import annotations

import math
import sys
from typing import Any

import pandas as pd

from barometer.presentation.disclosure import Released, carries_number
from barometer.presentation.formatting import is_missing, round_half_up

__all__ = ["glue_text", "glue_texts", "direction", "glue_table", "glue_figure", "UnreleasedFigure"]


class UnreleasedFigure(TypeError):
    """A text carrying a figure was glued without passing the disclosure policy."""


def _unchecked_caller() -> bool:
    """True when the nearest exhibit module on the call stack declares ``GLUE_UNCHECKED = True``.

    A module with the flag is recognised wherever it lives (the package may be rearranged); the
    walk stops at the first module of an ``exhibits`` or ``chapters`` package without it.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_globals.get("GLUE_UNCHECKED") is True:
            return True
        module = frame.f_globals.get("__name__", "")
        if module.startswith("barometer.") and (".exhibits." in module or ".chapters." in module):
            return False
        frame = frame.f_back
    return False


def _glue(name: str, value: Any, display: bool = False) -> None:
    """:func:`myst_nb.glue` in a running kernel; a no-op outside one."""
    from IPython import get_ipython

    if get_ipython() is None:
        return
    from myst_nb import glue  # imported here: importing barometer has no notebook side effects

    glue(name, value, display=display)


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name or any(c.isspace() for c in name) or ":" in name:
        raise ValueError(f"glue name {name!r} must be a non-empty string without spaces or ':'")


def glue_text(name: str, value: str, display: bool = False) -> str:
    """Glue a pre-formatted string under ``name`` and return it.

    Parameters
    ----------
    name : str
        Glue key (no spaces, no ``:``), used as ``{glue:text}`name```.
    value : str
        The text to show, e.g. ``formatting.pct(75.8)`` -> ``"76%"``.
    display : bool, default False
        Whether to also show the value in the cell output.

    Returns
    -------
    str
        ``value`` (handy for nbval checks of the glued text).

    Raises
    ------
    TypeError
        If ``value`` is not a ``str`` (e.g. a float or a numpy scalar): format it first
        with :func:`barometer.presentation.formatting.pct`, ``dec``, ``num`` or ``pp``.
    UnreleasedFigure
        If ``value`` carries a figure (a percentage, decimal or count; a year is no figure)
        but is not :class:`~barometer.presentation.disclosure.Released`: take it from a disclosed frame
        (:meth:`barometer.presentation.exhibit.Disclosed.text`) or release it with its base
        (:func:`barometer.presentation.disclosure.release`, ``public`` for respondent counts).
    """
    _check_name(name)
    if not isinstance(value, str):
        raise TypeError(
            f"glue_text({name!r}): value {value!r} of type {type(value).__name__} is not a "
            "string; format it with barometer.presentation.formatting (pct, dec, num, pp) first"
        )
    if not isinstance(value, Released) and carries_number(value) and not _unchecked_caller():
        raise UnreleasedFigure(
            f"glue_text({name!r}): de tekst {value!r} bevat een getal dat het geheimhoudingsbeleid niet "
            "heeft gepasseerd; neem het uit een vrijgegeven tabel (Disclosed.text) of geef het vrij met "
            "zijn basis (disclosure.release; disclosure.public voor aantallen respondenten)"
        )
    _glue(name, value, display)
    return value


def glue_texts(values: dict[str, str], prefix: str = "", display: bool = False) -> dict[str, str]:
    """Glue several pre-formatted strings; keys get ``prefix`` prepended.

    Returns
    -------
    dict
        The glued names (with prefix) and values.
    """
    out = {}
    for key, value in values.items():
        out[prefix + key] = glue_text(prefix + key, value, display)
    return out


def direction(
    a: Any,
    b: Any,
    up: str = "gestegen",
    down: str = "gedaald",
    same: str = "gelijk gebleven",
    tolerance: float = 0.0,
    decimals: int | None = None,
) -> str:
    """Dutch word for the direction of a change from ``a`` to ``b`` (or ``b`` compared with ``a``).

    Parameters
    ----------
    a, b : number
        Earlier (or reference) and later (or compared) value.
    up, down, same : str
        Words for ``b > a``, ``b < a`` and no difference. For comparisons of groups use
        e.g. ``up="vaker", down="minder vaak", same="even vaak"``.
    tolerance : float, default 0
        Differences with ``|b - a| <= tolerance`` count as no difference.
    decimals : int, optional
        Compare the values as shown, rounded half up to ``decimals`` (so that two equal
        printed figures never read as "gestegen").

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is missing.
    """
    if is_missing(a) or is_missing(b):
        raise ValueError(f"direction: cannot compare {a!r} and {b!r}")
    if decimals is not None:
        a, b = float(round_half_up(a, decimals)), float(round_half_up(b, decimals))
    diff = float(b) - float(a)
    if math.isclose(diff, 0.0, abs_tol=1e-12) or abs(diff) <= tolerance:
        return same
    return up if diff > 0 else down


def glue_table(name: str, frame: pd.DataFrame, display: bool = False) -> pd.DataFrame:
    """Glue a (display) table under ``name`` and return it."""
    _check_name(name)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"glue_table({name!r}) needs a DataFrame, got {type(frame).__name__}")
    _glue(name, frame, display)
    return frame


def glue_figure(name: str, fig: Any, display: bool = False) -> None:
    """Glue a matplotlib figure under ``name`` and close it (so it is not shown twice)."""
    _check_name(name)
    import matplotlib.pyplot as plt

    try:
        _glue(name, fig, display)
    finally:
        plt.close(fig)
