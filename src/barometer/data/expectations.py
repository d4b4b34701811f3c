"""Dutch descriptions of what the codebook allows, shared by the validation of respondent files.

:mod:`barometer.data.validation` (the Dutch problem list) and :mod:`barometer.data.respondent_schema` (the
pandera checks) both describe allowed codes, routing and years in the same words; the words
live here so that neither module imports the other.
"""

from __future__ import annotations

from barometer.data.codebook import Codebook, Column

__all__ = ["known_years", "describe_codes", "routing_text"]


def known_years(codebook: Codebook) -> tuple[int, ...]:
    """Years a respondent file may have: the codebook's years plus ``data/editions.yaml``.

    A year in ``editions.yaml`` only is a new edition; it is validated against the questions
    of the latest codebook year.
    """
    from barometer.data.editions import editions_for_codebook, load_editions

    years = set(codebook.years)
    editions = editions_for_codebook(codebook.path)
    if editions is not None:
        years |= set(load_editions(editions))
    return tuple(sorted(years))


def describe_codes(col: Column) -> str:
    """Dutch description of the allowed codes of a column (for an expectation)."""
    codes = sorted(col.codes)
    if col.type == "likert":
        run = [c for c in codes if c != 9]
        text = f"{run[0]} t/m {run[-1]}" if run == list(range(run[0], run[-1] + 1)) else ", ".join(
            map(str, run)
        )
        if 9 in col.codes:
            text += f" of 9 ({col.codes[9].lower()})"
        return f"een geheel getal {text}"
    if col.type == "multiple":
        return "0 (niet genoemd) of 1 (genoemd)"
    return "een van " + ", ".join(f"{c} ({col.codes[c]})" for c in codes)


def routing_text(cb: Codebook, name: str) -> str:
    """Dutch description of who was asked ``name`` (label and condition)."""
    r = cb.routing_of(name)
    return f"{r.label} ({r.condition})" if r.condition else r.label
