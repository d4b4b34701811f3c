"""Declared exhibits: what an exhibit computes, draws and glues, run by one pipeline.

An exhibit module declares a figure in a few lines and the pipeline does the recipe, always in
the same order::

    compute (full precision) → disclose (barometer.presentation.exhibit.disclose: primary + secondary)
    → draw, alt text and caption from the disclosed frame → FigureExhibit (SVG, downloads
    and sidecar through the same policy) → glue (cells of the disclosed frame)

Example (the chapter *Kennis delen*)::

    DELEN = declaration.Figure(
        name="fig-kennis-delen-verandering", report="Figuur 2-22", question="knowledge_shared",
        compute=delen_naar_verandering,
        draw=lambda d: figures.bar_shares(d, y="group_label", x="pct", hue=None, xlabel="..."),
        alt=lambda ed, d: figures.alt_text(d, "...", label="group_label", value="pct"),
        caption=lambda ed, d: f"Kennis verspreid, {ed.year}, n = {d.text('base', group=st.TOTAL)}",
        glue=[declaration.Glued("pct_delen_niet", where={"group": 1})],
    )
    figuur_delen_naar_verandering = DELEN          # the chapter calls ex.figuur_delen_naar_verandering(ed)

The drawing, the alt text and the glued numbers see only the disclosed frame
(:class:`barometer.presentation.exhibit.Disclosed`): a cell hidden in the download (below the threshold, or
hidden so that it cannot be derived from the total) is NaN there and glues as the symbol. The
hooks (``download`` to rename or extend the download frame, ``draw``) handle what is special;
the order of the steps is not theirs to change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import pandas as pd

from barometer.presentation import disclosure, linked
from barometer.presentation.exhibit import Disclosed, FigureExhibit, Notice, TableExhibit, disclose, use_edition

__all__ = ["Glued", "Figure", "Table"]


@dataclass(frozen=True)
class Glued:
    """One number of an exhibit glued into the text: a cell of its disclosed frame.

    Parameters
    ----------
    key : str
        Glue key.
    column : str, default ``"pct"``
        Value column (or a base column: respondent counts are public).
    where : mapping
        Key columns selecting the row (``{"group": 1}``).
    format : callable, optional
        Formatter of a shown value (default :func:`barometer.presentation.formatting.pct`).
    """

    key: str
    column: str = "pct"
    where: Mapping[str, Any] = field(default_factory=dict)
    format: Callable[[Any], str] | None = None


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A declared figure; calling it with an edition runs the pipeline.

    Parameters
    ----------
    name : str
        ``fig-<slug>-<what>``.
    compute : callable ``ed -> DataFrame``
        Full-precision data with code-style columns (``group``, ``count``, ``base``, ``pct``…);
        it may return a :class:`~barometer.presentation.exhibit.Notice` instead (nothing to show).
    draw : callable ``DataFrame -> Figure``
        Draws the disclosed frame (hidden cells NaN).
    alt : callable ``(ed, Disclosed) -> str``
        Alt text stating the main message, from the disclosed frame.
    caption : callable ``(ed, Disclosed) -> str``
        Dutch caption without the report's reference (added from ``report``).
    report : str, optional
        The report's exhibit this figure reproduces (``"Figuur 2-22"``).
    question : str, optional
        Codebook question; an edition that did not ask it gets the Dutch notice instead.
    download : callable ``(DataFrame, ed) -> DataFrame``, optional
        Hook: the download frame from the computed one (Dutch column names, intervals).
    codes : mapping, optional
        Coded columns of the download with their codebook variable (labels beside codes).
    glue : sequence of Glued, or callable ``ed -> sequence of Glued``
        The figure's numbers glued into the text (a callable when the rows come from the
        codebook).
    note : str, optional
        A sentence after the caption (e.g. :func:`barometer.presentation.phrasing.whisker_note`).
    glue_on_call : bool, default False
        Glue when the exhibit is shown, in its own cell (the chapter's prose under the exhibit
        uses the keys): the ``texts`` and the declared ``glue`` cells. Without it the chapter
        glues them itself (``DECLARATION.glued(ed)`` in its ``kerncijfers``).
    texts : callable ``(ed, Disclosed or None) -> {key: Released}``, optional
        Hook: the exhibit's further glued texts (direction words, changes with their
        intervals, sentences), released from the disclosed frame; called with ``None`` when
        the exhibit shows a notice, to glue what the prose says instead.
    linked : barometer.presentation.linked.Statistic, optional
        The statistic the exhibit breaks down by a grouping variable of the profiles (a column
        of ``codes`` holding ``sector`` or ``national_type`` codes, every code on its own), by
        any grouping column: its secondary cells are then chosen for the whole edition at once
        (:mod:`barometer.presentation.linked`), so that no other exhibit shows what it hides.
    """

    name: str
    compute: Callable[[Any], pd.DataFrame]
    draw: Callable[[pd.DataFrame], Any]
    alt: Callable[[Any, Disclosed], str]
    caption: Callable[[Any, Disclosed], str]
    report: str = ""
    question: str | None = None
    download: Callable[[pd.DataFrame, Any], pd.DataFrame] | None = None
    codes: Mapping[str, str] | None = None
    glue: Sequence[Glued] | Callable[[Any], Sequence[Glued]] = ()
    cite: str = " ({report} in het rapport)"
    note: str = ""
    # --- added by h22: glue in the exhibit's own cell (see _glue_shown at the end of the file)
    glue_on_call: bool = False
    texts: Callable[[Any, Disclosed | None], Mapping[str, Any]] | None = None
    linked: linked.Statistic | None = None

    def computed(self, ed):
        """Step 1: the full-precision frame (or a notice), with the rows the edition-wide
        secondary rule hides marked (:data:`barometer.presentation.disclosure.LINKED`)."""
        data = self.compute(ed)
        if self.linked is None or isinstance(data, Notice) or data is None:
            return data
        mark = pd.Series(False, index=data.index)
        for column, variable in (self.codes or {}).items():
            if column in data.columns and "year" in data.columns:
                mark |= linked.flags(ed, self.linked, data, variable, linked.ALONE, group=column)
        return data.assign(**{disclosure.LINKED: mark})

    def _download(self, data, ed):
        """The download frame: the hook's, keeping the marks of :meth:`computed`."""
        if not self.download:
            return data
        out = self.download(data, ed)
        if (disclosure.LINKED in data.columns and disclosure.LINKED not in out.columns
                and out.index.isin(data.index).all()):
            out = out.assign(**{disclosure.LINKED: data[disclosure.LINKED].reindex(out.index)})
        return out

    def asked(self, ed) -> bool:
        """Whether the edition asked the figure's question."""
        from barometer.data.codebook import load_codebook

        return self.question is None or load_codebook().is_asked(self.question, ed.year)

    def disclosed(self, ed) -> tuple[pd.DataFrame, Disclosed]:
        """Steps 1–2: the computed frame and the same frame after the disclosure policy."""
        data = self.computed(ed)
        if isinstance(data, Notice):
            raise ValueError(f"{self.name}: in {ed.year} niets te tonen ({data.text})")
        return data, disclose(data, ed.min_base, self.report, ed.year)

    def _caption(self, ed, d: Disclosed) -> str:
        text = self.caption(ed, d) + (self.cite.format(report=self.report) if self.report else "")
        return f"{text}. {self.note}" if self.note else text

    def glued(self, ed, disclosed: Disclosed | None = None) -> dict[str, disclosure.Released]:
        """The declared glue texts (the last step), every one a cell of the disclosed frame."""
        if disclosed is None:
            _, disclosed = self.disclosed(ed)
        glue = self.glue(ed) if callable(self.glue) else self.glue
        return {g.key: disclosed.text(g.column, g.format, **dict(g.where)) for g in glue}

    def __call__(self, ed) -> FigureExhibit | Notice:
        """Run the pipeline: the figure (or the notice that the question was not asked)."""
        if not self.asked(ed):
            from barometer.presentation.phrasing import not_asked_melding

            _glue_shown(self, ed, None)
            return not_asked_melding(ed, self.question)
        data = self.computed(ed)
        if isinstance(data, Notice):
            _glue_shown(self, ed, None)
            return data
        d = disclose(data, ed.min_base, self.report, ed.year)
        with in_force(ed):  # the download's threshold is the screen's
            exhibit = FigureExhibit(name=self.name, caption=self._caption(ed, d), alt=self.alt(ed, d),
                                    figure=self.draw(d.frame), data=self._download(data, ed),
                                    codes=dict(self.codes) if self.codes else None)
        _glue_shown(self, ed, d)
        return exhibit


@dataclass(frozen=True, kw_only=True)
class Table(Figure):
    """A declared table; calling it with an edition runs the pipeline.

    As :class:`Figure`, with ``tabulate`` instead of ``draw`` and ``alt``: the display frame
    is built from the disclosed frame only, so a cell the download hides (primary or
    secondary) is the symbol on screen as well.

    Parameters
    ----------
    tabulate : callable ``(ed, Disclosed) -> DataFrame``
        The display frame (Dutch strings): take every figure from ``Disclosed.text``.
    notes : callable ``(ed, Disclosed) -> list of str``, optional
        Footnotes under the table.
    """

    draw: Callable[[pd.DataFrame], Any] | None = None
    alt: Callable[[Any, Disclosed], str] | None = None
    tabulate: Callable[[Any, Disclosed], pd.DataFrame] | None = None
    notes: Callable[[Any, Disclosed], list[str]] | None = None
    cite: str = ". ({report} in het rapport)"

    def __call__(self, ed) -> TableExhibit | Notice:
        """Run the pipeline: the table (or the notice that there is nothing to show)."""
        if not self.asked(ed):
            from barometer.presentation.phrasing import not_asked_melding

            _glue_shown(self, ed, None)
            return not_asked_melding(ed, self.question)
        data = self.computed(ed)
        if isinstance(data, Notice):
            _glue_shown(self, ed, None)
            return data
        d = disclose(data, ed.min_base, self.report, ed.year)
        with in_force(ed):  # the download's threshold is the screen's
            exhibit = TableExhibit(name=self.name, caption=self._caption(ed, d), frame=self.tabulate(ed, d),
                                   notes=list(self.notes(ed, d)) if self.notes else [],
                                   data=self._download(data, ed),
                                   codes=dict(self.codes) if self.codes else None)
        _glue_shown(self, ed, d)
        return exhibit


def in_force(ed):
    """The edition ``ed`` in force for the exhibit's downloads and sidecar, for one ``with`` block
    (:func:`barometer.presentation.exhibit.use_edition`): their threshold, year and notice are
    those of ``ed``, not of whichever edition the process opened last."""
    from barometer.presentation import exhibit

    ctx = exhibit._CONTEXT
    return use_edition(ed.year, ed.min_base, getattr(ed, "synthetic", ctx.synthetic))



# --- added by h22
def _glue_shown(decl: Figure, ed, d: Disclosed | None) -> None:
    """The pipeline's last step for an exhibit declared with ``glue_on_call=True``: glue, in the
    exhibit's own cell, the texts of its ``texts`` hook (direction words, changes with their
    intervals, sentences) and its declared cells (:meth:`Figure.glued`), every one released text.

    ``texts`` is called with the disclosed frame, or with ``None`` when the exhibit shows a
    notice instead (question not asked, nothing to compare), so that every key the chapter's
    prose uses is glued in every edition.
    """
    if not decl.glue_on_call:
        return
    from barometer.presentation.glue import glue_text

    texts: dict[str, Any] = dict(decl.texts(ed, d)) if decl.texts is not None else {}
    if d is not None:
        texts.update(decl.glued(ed, d))
    for key, text in texts.items():
        glue_text(key, text)


# --- added by h21
def holm_family(compute: Callable[[Any], Any], family: str | Sequence[str] | None = None, p: str = "p",
                adjusted: str = "p_gecorrigeerd") -> Callable[[Any], Any]:
    """A ``compute`` step whose tests form a family, Holm-corrected where the exhibit is declared.

    The declaration says which tests belong together (issue 12: each family of tests is defined
    where its exhibit is declared); the correction runs on the computed frame, before the
    disclosure policy, so that table, download (raw and adjusted p) and glue see the same p::

        TOETS = declaration.Table(..., compute=declaration.holm_family(type_tests), ...)

    Parameters
    ----------
    compute : callable ``ed -> DataFrame`` (or a Notice, passed on)
        One row per test, the raw p-value in column ``p``.
    family : column name(s), optional
        Rows with equal values form one family; default: every row of the frame is one family.
    p, adjusted : str
        The raw p column, and the column added beside it (default ``p_gecorrigeerd``, Dutch
        header "p-waarde (gecorrigeerd volgens Holm)").

    Returns
    -------
    callable ``ed -> DataFrame``
        The computed frame with ``adjusted`` (:func:`barometer.analysis.uncertainty.holm_frame`,
        Holm's step-down correction; a NaN p stays NaN and is not counted).
    """
    from barometer.analysis.uncertainty import holm_frame

    def run(ed):
        data = compute(ed)
        if not isinstance(data, pd.DataFrame):
            return data
        return (holm_frame(data, p, family).drop(columns="significant")
                .rename(columns={"p_holm": adjusted}))

    run.__doc__ = compute.__doc__
    run.__name__ = getattr(compute, "__name__", "compute")
    return run
