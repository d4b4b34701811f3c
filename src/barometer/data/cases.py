"""The case catalogue of the chapter "De aard van innovaties" (``data/cases.csv``).

The report's third chapter describes innovations in words: examples grouped in innovation
clusters and summaries of interviews with a few organisations. The catalogue holds those
cases as data, one row per case, so the chapter can show an overview instead of retelling
the text. Summaries are our own words (see the sidecar ``data/cases.csv.meta.yaml``).

The catalogue is a *selection described in the report*, not a sample: its counts say what
the report chose to describe, not how often something happens in government.

Examples
--------
>>> from barometer.data.cases import load_cases
>>> cases = load_cases()
>>> sorted(cases["kind"].unique())
['clustervoorbeeld', 'interview']
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from barometer.data import paths

__all__ = [
    "CASES",
    "COLUMNS",
    "REQUIRED",
    "KINDS",
    "TECHNOLOGIES",
    "CaseCatalogueError",
    "known_sectors",
    "catalogue_problems",
    "load_cases",
]

#: The shipped catalogue.
CASES: Path = paths.DATA / "cases.csv"

#: Columns of the catalogue, in file order.
COLUMNS: tuple[str, ...] = (
    "case_id", "kind", "cluster", "organisation", "sector",
    "technology", "innovation", "summary", "source",
)
#: Columns that must be filled in every row (``cluster`` for cluster examples,
#: ``organisation`` for interviews are checked separately).
REQUIRED: tuple[str, ...] = ("case_id", "kind", "technology", "innovation", "summary", "source")

#: Kinds of case: an example under a cluster heading, or an interviewed organisation.
KINDS: tuple[str, ...] = ("clustervoorbeeld", "interview")

#: Main technology of a case, in display order (an editorial coding, not a survey answer).
TECHNOLOGIES: tuple[str, ...] = (
    "AI", "data/analytics", "RPA", "drones", "digitaal platform", "overige technologie", "geen",
)

_CASE_ID = {"clustervoorbeeld": re.compile(r"^K\d{2,}$"), "interview": re.compile(r"^I\d{2,}$")}


class CaseCatalogueError(ValueError):
    """The case catalogue breaks one or more rules; the message lists every problem."""


def known_sectors() -> tuple[str, ...] | None:
    """Sector labels of the codebook (variable ``sector``), or None without a codebook.

    Returns
    -------
    tuple of str or None
        ``("Gemeente", "GR", ...)`` in code order; None when ``barometer.data.codebook`` or the
        codebook file is unavailable, in which case sectors are kept as free text.
    """
    try:
        from barometer.data.codebook import load_codebook

        return tuple(load_codebook().labels("sector").values())
    except (ImportError, FileNotFoundError):  # pragma: no cover - both ship with the package
        return None


def catalogue_problems(frame: pd.DataFrame, sectors: tuple[str, ...] | None = None) -> list[str]:
    """Every rule the catalogue breaks, as readable messages (empty list: all is well).

    Parameters
    ----------
    frame : DataFrame
        The catalogue as read from CSV with every column as text (empty cells as ``""``).
    sectors : tuple of str, optional
        Allowed sector labels; defaults to :func:`known_sectors`. With None no check.

    Returns
    -------
    list of str
        One message per problem, naming row (1-based, as in the file after the header),
        case id and column, and saying what is expected.

    Notes
    -----
    Checked: the columns of :data:`COLUMNS` (in that order), required fields, unique case
    ids of the form ``K01`` (cluster example) or ``I01`` (interview), known kinds and
    technologies, sectors from the codebook, a cluster for every cluster example, an
    organisation for every interview, and a summary of exactly one sentence.
    """
    problems: list[str] = []
    cols = tuple(frame.columns)
    if cols != COLUMNS:
        missing = [c for c in COLUMNS if c not in cols]
        extra = [c for c in cols if c not in COLUMNS]
        problems.append(
            f"kolommen {list(cols)} wijken af van {list(COLUMNS)}"
            + (f"; ontbrekend: {missing}" if missing else "")
            + (f"; onbekend: {extra}" if extra else "")
        )
        if missing:
            return problems
    if sectors is None:
        sectors = known_sectors()
    dupes = frame["case_id"][frame["case_id"].duplicated(keep=False) & (frame["case_id"] != "")]
    for cid in sorted(set(dupes)):
        problems.append(f"case_id {cid!r} komt meer dan eens voor")
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        where = f"rij {i} ({row.case_id or 'zonder case_id'})"
        for col in REQUIRED:
            if not str(getattr(row, col)).strip():
                problems.append(f"{where}: kolom {col!r} is leeg")
        if row.kind and row.kind not in KINDS:
            problems.append(f"{where}: kind {row.kind!r} onbekend; verwacht een van {list(KINDS)}")
        elif row.kind and row.case_id and not _CASE_ID[row.kind].match(row.case_id):
            prefix = "K" if row.kind == "clustervoorbeeld" else "I"
            problems.append(f"{where}: case_id moet de vorm {prefix}01 hebben bij kind {row.kind!r}")
        if row.kind == "clustervoorbeeld" and not row.cluster.strip():
            problems.append(f"{where}: een clustervoorbeeld heeft een cluster nodig")
        if row.kind == "interview" and not row.organisation.strip():
            problems.append(f"{where}: bij een interview hoort de naam van de organisatie")
        if row.technology and row.technology not in TECHNOLOGIES:
            problems.append(
                f"{where}: technology {row.technology!r} onbekend; verwacht een van {list(TECHNOLOGIES)}"
            )
        if sectors is not None and row.sector and row.sector not in sectors:
            problems.append(
                f"{where}: sector {row.sector!r} staat niet in het codeboek; verwacht leeg of een van {list(sectors)}"
            )
        summary = row.summary.strip()
        if summary and (not summary.endswith(".") or re.search(r"[.!?]\s+[A-Z]", summary[:-1])):
            problems.append(f"{where}: de samenvatting moet precies één zin zijn, afgesloten met een punt")
    return problems


def load_cases(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the case catalogue.

    Parameters
    ----------
    path : str or Path, optional
        Catalogue to read; defaults to :data:`CASES` (``data/cases.csv``).

    Returns
    -------
    DataFrame
        Columns of :data:`COLUMNS`, all text; empty cells are ``""``. Rows in file order.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    CaseCatalogueError
        When any rule of :func:`catalogue_problems` is broken; the message lists them all.

    Examples
    --------
    >>> load_cases().set_index("case_id").loc["I05", "organisation"]
    'Douane'
    """
    path = Path(path) if path is not None else CASES
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame.apply(lambda s: s.str.strip())
    problems = catalogue_problems(frame)
    if problems:
        raise CaseCatalogueError(
            f"{path}: {len(problems)} probleem/problemen in de casuscatalogus:\n- " + "\n- ".join(problems)
        )
    return frame
