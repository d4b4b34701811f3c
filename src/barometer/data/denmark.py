"""Danish comparison figures from ``data/external/denmark.csv``.

The report sets some Dutch figures against the Danish innovation barometer
(*Innovationsbarometeret*). The Danish numbers are not computed here: they are read from
``data/external/denmark.csv`` (one row per published Danish figure, with its source and
reliability; see ``data/external/README.md``), and :data:`COUNTERPARTS` says explicitly
which row is the counterpart of which Dutch variable in which Dutch edition. A Dutch
variable without a counterpart has no Danish figure; nothing is estimated.

Examples
--------
>>> from barometer.data import denmark
>>> denmark.counterparts("innovated", 2025)["innovated"]["value"]  # doctest: +SKIP
83.0
>>> denmark.period_text("spring 2021 - spring 2023")
'voorjaar 2021–voorjaar 2023'
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from barometer.data import paths
from barometer.data.codebook import load_codebook

__all__ = ["PATH", "COUNTERPARTS", "read_table", "period_text", "counterparts"]

#: The shipped file of Danish figures.
PATH: Path = paths.EXTERNAL / "denmark.csv"

#: Which row of ``denmark.csv`` (``ref_id``, and ``measure`` where a ref_id has several rows)
#: is the Danish counterpart of a Dutch variable, per Dutch edition. Keys are codebook
#: columns, ``<column>_<codes>`` for a union of answer codes (``"tech_content_1|2"``), or
#: ``n_workplaces`` (responding Danish workplaces). The pairing follows
#: ``data/external/README.md`` and the ``note`` column of the file.
COUNTERPARTS: dict[int, dict[str, tuple[str, str | None]]] = {
    2025: {
        "innovated": ("DK4-01", None),
        "n_workplaces": ("DK-W4", "responding workplaces"),
        "type_process": ("DK4-10", None),
        "type_interaction": ("DK4-11", None),
        "type_service": ("DK4-12", None),
        "type_product": ("DK4-13", None),
        "tech_content_1|2": ("DK4-22", None),
        "init_managers": ("DK4-31", None),
        "init_politics": ("DK4-32", None),
        "init_financial": ("DK4-33", None),
        "init_technology": ("DK4-34", None),
        "fund_own": ("DK-NL25-54", None),
    },
    2021: {
        "innovated": ("NL21-20", None),
        "n_workplaces": ("DK-W3", "responding workplaces"),
    },
}

_COLUMNS = ["ref_id", "measure", "period", "value", "reliability"]


def read_table(path: str | Path | None = None) -> pd.DataFrame:
    """The rows of the Danish file.

    Parameters
    ----------
    path : str or Path, optional
        Default :data:`PATH` (looked up at call time, so tests can point it elsewhere).

    Returns
    -------
    DataFrame
        Every column of the file as text (empty cells ``""``), except ``value`` (float, NaN
        where empty). An empty frame with the columns ``ref_id``, ``measure``, ``period``,
        ``value``, ``reliability`` when the file does not exist.
    """
    path = Path(PATH if path is None else path)
    if not path.exists():
        return pd.DataFrame(columns=_COLUMNS)
    table = pd.read_csv(path, dtype=str).fillna("")
    table["value"] = pd.to_numeric(table["value"], errors="coerce")
    return table


def period_text(period: str) -> str:
    """Dutch rendering of a period of the Danish file.

    ``"spring 2021 - spring 2023"`` -> ``"voorjaar 2021–voorjaar 2023"`` (seasons in Dutch,
    an en dash between the ends).
    """
    text = str(period).replace("spring", "voorjaar").replace("autumn", "najaar")
    return text.replace(" - ", "–").replace("-", "–")


def counterparts(question: str, year: int, path: str | Path | None = None) -> dict[str, dict]:
    """Danish counterparts of the items (or codes) of one question, for a Dutch edition.

    Parameters
    ----------
    question : str
        Codebook question (``"innovation_type"``, ``"initiative"``, ``"funding"``,
        ``"tech_content"``), a single column (``"innovated"``) or ``"n_workplaces"``.
    year : int
        Dutch edition year (a key of :data:`COUNTERPARTS`; another year has no counterparts).
    path : str or Path, optional
        The Danish file (default :data:`PATH`).

    Returns
    -------
    dict
        Key: item column (``"type_process"``) or ``"<column>_<codes>"``
        (``"tech_content_1|2"``); value: dict with ``value`` (float), ``period`` (Dutch,
        :func:`period_text`), ``reliability`` and ``ref_id``. Only pairs whose row is in
        the file exactly once with a value; a missing row leaves its key out.
    """
    cb = load_codebook()
    pairs = COUNTERPARTS.get(int(year), {})
    if question in cb.variables and cb.variable(question).type == "multiple":
        cols = set(cb.items(question))
    else:
        cols = {question}
    table = read_table(path)
    out: dict[str, dict] = {}
    for key, (ref, measure) in pairs.items():
        if key not in cols and not ("|" in key and key.rsplit("_", 1)[0] in cols):
            continue
        rows = table[table["ref_id"] == ref]
        if measure is not None:
            rows = rows[rows["measure"] == measure]
        rows = rows.dropna(subset=["value"])
        if len(rows) != 1:
            continue
        r = rows.iloc[0]
        out[key] = {"value": float(r["value"]), "period": period_text(r["period"]),
                    "reliability": r.get("reliability", ""), "ref_id": ref}
    return out
