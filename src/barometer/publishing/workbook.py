"""One Excel workbook per edition, and the codebook as a downloadable table.

Every table and figure of the book already writes its own data as CSV and Excel next to its
chapter (:mod:`barometer.presentation.exhibit`, folder ``_downloads/``). This module gathers them, for
one executed edition, into a single workbook that a reader can open in a spreadsheet:

``Toelichting``
    what the workbook is, the edition, the sources, the data file and its provenance, the
    synthetic-data notice (when the data are synthetic), rounding and small-cell rules,
    licence and how to cite, and an index of the sheets with links;
one sheet per exhibit, in book order
    the exhibit's number and caption, its chapter, its base n, its footnotes, then its data
    at full precision with Dutch column headers;
``Codeboek``
    every column of a respondent file of that year and every derived variable: name, Dutch
    question or label, type, who was asked, years, codes.

Each exhibit wrote, beside its CSV and Excel (``_downloads/<name>.csv``), a sidecar
``<name>.json`` (:mod:`barometer.presentation.exhibit`): caption, kind, notes, base, the report's exhibit
and the cells the disclosure policy suppressed. The workbook is assembled from those sidecars
and downloads, so it carries exactly what the policy let through; the executed notebooks of the
edition (the staging folder of :func:`barometer.book.build.build`, ``_build/stage/<year>/``) give
only the order of the exhibits and the chapter titles. Numbers such as "Figuur 3.1" are read
from the built HTML when it is given (Sphinx numbers the exhibits while rendering).

Examples
--------
>>> from barometer.publishing.workbook import dutch_header  # the one vocabulary: barometer.presentation.vocabulary
>>> dutch_header("base"), dutch_header("pct_2021"), dutch_header("fail_budget")[:6]
('Basis (n)', 'Percentage 2021', 'Gebrek')
"""

from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from barometer.data import paths
from barometer.presentation.vocabulary import DUTCH_HEADERS, dutch_columns as _dutch_columns, dutch_header, untranslated_headers

__all__ = [
    "WorkbookError",
    "Exhibit",
    "DUTCH_HEADERS",
    "WORKBOOK_NAME",
    "CODEBOOK_NAME",
    "dutch_header",
    "untranslated_headers",
    "find_exhibits",
    "exhibit_numbers",
    "codebook_table",
    "write_workbook",
    "write_codebook",
]

#: File names in ``downloads/`` of an edition's HTML. They carry no year: each edition has its
#: own HTML folder, and the page *Hoe te citeren* links to them by these fixed names.
WORKBOOK_NAME = "innovatie-barometer-overheid-tabellen-en-figuren.xlsx"
CODEBOOK_NAME = "innovatie-barometer-overheid-codeboek"

_BASE_COLUMNS = ("base", "basis", "n")
_NAME_LINE = re.compile(r"^:name:\s*((?:tbl|fig)-[a-z0-9-]+)\s*$", re.M)
_TAG = re.compile(r"<[^>]+>")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class WorkbookError(RuntimeError):
    """The edition's exhibits cannot be gathered (a data file is missing, a name repeats)."""


@dataclass
class Exhibit:
    """One table or figure of the book as the workbook needs it.

    Attributes
    ----------
    name : str
        The exhibit's label (``tbl-<slug>-<what>`` or ``fig-<slug>-<what>``).
    kind : str
        ``"table"`` or ``"figure"``.
    caption : str
        Dutch caption as shown in the book.
    chapter : str
        Title of the chapter the exhibit is in.
    document : str
        The chapter's document name (``chapters/<slug>``).
    notes : list of str
        Footnotes under a table (bases, "Meer antwoorden mogelijk.").
    data_file : Path
        The exhibit's CSV (full precision).
    number : str
        "Tabel 3.1" / "Figuur 3.1" as numbered in the built HTML ("" when unknown).
    sidecar : dict
        The exhibit's sidecar (``_downloads/<name>.json``, see :mod:`barometer.presentation.exhibit`).
    """

    name: str
    kind: str
    caption: str
    chapter: str
    document: str
    notes: list[str] = field(default_factory=list)
    data_file: Path | None = None
    number: str = ""
    sidecar: dict = field(default_factory=dict)


def _codebook():
    from barometer.data.codebook import load_codebook

    return load_codebook()


# --------------------------------------------------------------------------- exhibits
def _toc_documents(book: Path) -> list[str]:
    from barometer.data.book_files import toc_documents

    return toc_documents(Path(book) / "_toc.yml")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _chapter_title(nb: dict, fallback: str) -> str:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", _html.unescape(_TAG.sub("", text))).strip()


def find_exhibits(book: Path) -> list[Exhibit]:
    """The tables and figures of an executed book, in book order, from their sidecars.

    Parameters
    ----------
    book : Path
        Folder with ``_toc.yml`` and the executed chapter notebooks (the staging folder of
        an edition, ``_build/stage/<year>/``, or the repository for the committed edition).

    Returns
    -------
    list of Exhibit
        One per exhibit with a sidecar ``_downloads/<name>.json`` beside its notebook (written
        by :mod:`barometer.presentation.exhibit` together with its CSV and Excel): kind, caption, notes and
        the report's exhibit come from the sidecar. The notebooks give only the order (the
        ``:name:`` of each exhibit output) and the chapter title.

    Raises
    ------
    WorkbookError
        If two exhibits share a name, or a sidecar cannot be read.
    """
    book = Path(book)
    found: list[Exhibit] = []
    seen: dict[str, str] = {}
    for doc in _toc_documents(book):
        nb_path = book / (doc + ".ipynb")
        if not nb_path.is_file():
            continue
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        chapter = _chapter_title(nb, doc)
        downloads = nb_path.parent / "_downloads"
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            for output in cell.get("outputs", []):
                md = output.get("data", {}).get("text/markdown")
                if not md:
                    continue
                md = "".join(md) if isinstance(md, list) else md
                for name in _NAME_LINE.findall(md):
                    side = downloads / f"{name}.json"
                    if name in seen:
                        raise WorkbookError(f"Exhibit name {name} occurs in {seen[name]} and in {doc}.")
                    seen[name] = doc
                    if not side.is_file():
                        continue
                    try:
                        meta = json.loads(side.read_text(encoding="utf-8"))
                    except (OSError, ValueError) as exc:
                        raise WorkbookError(f"Sidecar {side} cannot be read: {exc}") from None
                    data_file = downloads / f"{name}.csv"
                    if data_file.is_file():
                        found.append(Exhibit(name, meta.get("soort", ""), _plain(meta.get("bijschrift", "")),
                                             chapter, doc, [_plain(n) for n in meta.get("noten", [])],
                                             data_file, sidecar=meta))
    return found


def exhibit_numbers(html_dir: Path) -> dict[str, str]:
    """Numbers of the exhibits as the built HTML shows them (``{"fig-x-y": "Figuur 3.1"}``)."""
    numbers: dict[str, str] = {}
    for page in Path(html_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r'id="((?:tbl|fig)-[a-z0-9-]+)"', text):
            window = text[m.end(): m.end() + 6000]
            num = re.search(r'<span class="caption-number">([^<]+)</span>', window)
            if num and m.group(1) not in numbers:
                numbers[m.group(1)] = _plain(num.group(1))
    return numbers


# --------------------------------------------------------------------------- codebook
def codebook_table(year: int, codebook=None) -> pd.DataFrame:
    """The codebook of one measurement year as a flat table (one row per column).

    Returns
    -------
    pandas.DataFrame
        Columns ``Variabele``, ``Omschrijving``, ``Vraag``, ``Type``, ``Gesteld aan``,
        ``Jaren``, ``Codes``, ``Definitie``: every column of a respondent file of ``year``
        in codebook order, then every derived variable of that year (type ``afgeleid``,
        with its definition in ``Definitie``).
    """
    cb = codebook if codebook is not None else _codebook()
    rows = []
    for name in cb.columns(int(year)):
        col = cb.column(name)
        routing = cb.routings[col.routing].label if col.routing in cb.routings else col.routing
        rows.append({
            "Variabele": name,
            "Omschrijving": col.label,
            "Vraag": cb.variable(col.question).question,
            "Type": col.type,
            "Gesteld aan": routing,
            "Jaren": ", ".join(str(y) for y in col.years),
            "Codes": "; ".join(f"{k} = {v}" for k, v in col.codes.items()),
            "Definitie": "",
        })
    for d in cb.derived_variables.values():
        if int(year) not in d.years:
            continue
        routing = cb.routings[d.routing].label if d.routing in cb.routings else d.routing
        rows.append({
            "Variabele": d.name,
            "Omschrijving": d.label,
            "Vraag": "",
            "Type": "afgeleid",
            "Gesteld aan": routing,
            "Jaren": ", ".join(str(y) for y in d.years),
            "Codes": "; ".join(f"{k} = {v}" for k, v in d.codes.items()),
            "Definitie": d.definition,
        })
    return pd.DataFrame(rows)


def write_codebook(year: int, folder: Path, codebook=None) -> list[Path]:
    """Write the codebook of ``year`` as CSV and Excel, and the codebook YAML, into ``folder``.

    Returns
    -------
    list of Path
        ``<CODEBOOK_NAME>.csv``, ``.xlsx`` and ``.yaml``.
    """
    cb = codebook if codebook is not None else _codebook()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = CODEBOOK_NAME.format(year=year)
    table = codebook_table(year, cb)
    csv, xlsx, yml = (folder / f"{stem}.{s}" for s in ("csv", "xlsx", "yaml"))
    table.to_csv(csv, index=False, encoding="utf-8")
    with pd.ExcelWriter(xlsx, engine="openpyxl") as xl:
        table.to_excel(xl, index=False, sheet_name="Codeboek")
        _autosize(xl.sheets["Codeboek"], table, 0)
        xl.sheets["Codeboek"].freeze_panes = "B2"
    yml.write_bytes(Path(cb.path).read_bytes())
    return [csv, xlsx, yml]


# --------------------------------------------------------------------------- workbook
def _sheet_name(exhibit: Exhibit, index: int, used: set[str]) -> str:
    base = exhibit.number or f"{'Tabel' if exhibit.kind == 'table' else 'Figuur'} {index}"
    name = _SHEET_FORBIDDEN.sub("-", base)[:31]
    candidate, k = name, 2
    while candidate.lower() in used:
        candidate = f"{name[:27]} ({k})"
        k += 1
    used.add(candidate.lower())
    return candidate


def _base_text(data: pd.DataFrame, notes: list[str], sidecar: dict | None = None) -> str:
    base = (sidecar or {}).get("basis")
    if base:
        lo, hi = int(base["van"]), int(base["tot"])
        return f"Basis (n): {lo}" if lo == hi else f"Basis (n): van {lo} tot {hi} (per rij in de kolom 'Basis (n)')"
    cols = [c for c in data.columns if str(c) in _BASE_COLUMNS or re.fullmatch(r"n_.+", str(c))]
    parts = []
    for c in cols:
        values = pd.to_numeric(data[c], errors="coerce").dropna()
        if values.empty:
            continue
        lo, hi = int(values.min()), int(values.max())
        label = dutch_header(c)
        parts.append(f"{label}: {lo}" if lo == hi else f"{label}: van {lo} tot {hi} (per rij in de kolom '{label}')")
    based = [n for n in notes if re.search(r"\bn\b|\(n\)|basis", n, re.I)]
    if parts:
        return "; ".join(parts)
    if based:
        return " ".join(based)
    return f"Geen steekproefbasis: dit overzicht telt {len(data)} rijen (zie de toelichting bij het overzicht in het boek)."


def _autosize(ws, frame: pd.DataFrame, header_row: int) -> None:
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(frame.columns, start=1):
        sample = [str(col)] + [str(v) for v in frame.iloc[:200, i - 1].tolist()]
        width = min(60, max(8, max(len(s) for s in sample) + 2))
        ws.column_dimensions[get_column_letter(i)].width = width
    if header_row:
        ws.freeze_panes = ws.cell(row=header_row + 2, column=1)


def _sidecar(data_file: Path | None) -> dict:
    if data_file is None:
        return {}
    side = paths.sidecar(Path(data_file))
    if not side.is_file():
        return {}
    meta = yaml.safe_load(side.read_text(encoding="utf-8"))
    return meta if isinstance(meta, dict) else {}


def _about_rows(year: int, data_file: Path | None, synthetic: bool, sheets: list[tuple[str, Exhibit]],
                codebook) -> list[tuple[str, str]]:
    from barometer.presentation import disclosure

    thresholds = {ex.sidecar.get("drempel") for _, ex in sheets if ex.sidecar.get("drempel")}
    threshold = thresholds.pop() if len(thresholds) == 1 else disclosure.threshold()
    editions = yaml.safe_load(paths.EDITIONS.read_text(encoding="utf-8")) or {}
    ed = editions.get(int(year), {}) or {}
    meta = _sidecar(data_file)
    cbmeta = dict(codebook.meta)
    rows: list[tuple[str, str]] = [
        ("Titel", f"{ed.get('label', f'Innovatie Barometer Overheid {year}')}: tabellen en figuren"),
        ("Wat is dit", "De gegevens achter elke tabel en figuur van deze editie van het boek, "
                       "één werkblad per tabel of figuur, in de volgorde van het boek. De "
                       "getallen staan op volle precisie; het boek rondt ze af."),
        ("Editie", str(year)),
        ("Periode waarover gevraagd is", str(ed.get("period", ""))),
        ("Veldwerk", str(ed.get("fieldwork", ""))),
        ("Bron van het rapport", str(ed.get("source", ""))),
        ("Gegevensbestand", Path(data_file).name if data_file else ""),
    ]
    if synthetic:
        from barometer.data.book_files import SYNTHETIC_NOTICE

        rows.append(("LET OP: synthetische gegevens", SYNTHETIC_NOTICE))
        if meta.get("note"):
            rows.append(("Over het gegevensbestand", str(meta["note"])))
        gen = ", ".join(f"{k}: {meta[k]}" for k in ("generator", "generator_version", "seed", "solver")
                        if meta.get(k) is not None)
        if gen:
            rows.append(("Herkomst (generator)", gen))
    else:
        rows.append(("Gegevens", "Antwoorden van de deelnemende organisaties op de enquête."))
    rows += [
        ("Afronding", str(cbmeta.get("rounding", ""))),
        ("Kleine groepen", f"Waar een cijfer op minder dan {threshold} organisaties berust, toont het boek "
                           f"geen cijfer maar '{disclosure.symbol()}'; ook een cijfer dat anders uit een totaal "
                           "en de andere groepen af te leiden zou zijn, blijft weg. In dit werkboek is zo'n "
                           "cel leeg en zegt de kolom 'Geheimhouding' per rij waarom."),
        ("Basis (n)", "Elk werkblad noemt bovenaan de basis: het aantal organisaties waarop de cijfers berusten."),
        ("Codeboek", "Het werkblad 'Codeboek' beschrijft elke variabele: vraag, wie de vraag kreeg, "
                     "jaren en codes. Het staat ook los als CSV, Excel en YAML naast dit werkboek."),
        ("Licentie", "Tekst en gegevens: Creative Commons Naamsvermelding 4.0 (CC BY 4.0). "
                     "Programmacode: MIT-licentie."),
        ("Citeren", f"Ministerie van BZK ({year}). Innovatie Barometer Overheid {year}: reproduceerbare "
                    "editie. Zie de pagina 'Hoe te citeren' in het boek en CITATION.cff."),
    ]
    return rows


def write_workbook(
    book: Path,
    out: Path,
    year: int,
    data_file: Path | None = None,
    synthetic: bool | None = None,
    html_dir: Path | None = None,
    codebook=None,
) -> Path:
    """Write the edition's workbook: a sheet per exhibit, ``Toelichting`` and ``Codeboek``.

    Parameters
    ----------
    book : Path
        Executed book (``_build/stage/<year>/``): ``_toc.yml``, notebooks, ``_downloads/``.
    out : Path
        The ``.xlsx`` to write (written to a temporary name first, then renamed).
    year : int
        Measurement year of the edition.
    data_file : Path, optional
        The respondent file the edition was built from (named in ``Toelichting``, and its
        sidecar gives the provenance); defaults to the shipped file of ``year``.
    synthetic : bool, optional
        Whether to carry the synthetic-data notice; defaults to what the sidecar says.
    html_dir : Path, optional
        The built HTML; when given, sheets are named after the exhibits' numbers there.
    codebook : Codebook, optional
        Defaults to the shipped codebook.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    WorkbookError
        If two exhibits share a name.
    """
    from openpyxl.styles import Font

    cb = codebook if codebook is not None else _codebook()
    if data_file is None:
        data_file = paths.respondent_file(year)
    if synthetic is None:
        synthetic = bool(_sidecar(data_file).get("synthetic") is True)
    exhibits = find_exhibits(book)  # none (a book without exhibits): Toelichting and Codeboek only
    numbers = exhibit_numbers(html_dir) if html_dir is not None else {}
    for ex in exhibits:
        ex.number = numbers.get(ex.name, "")
    used = {"toelichting", "codeboek"}
    sheets = [(_sheet_name(ex, i, used), ex) for i, ex in enumerate(exhibits, start=1)]

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    bold = Font(bold=True)
    with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
        about = pd.DataFrame(_about_rows(year, data_file, synthetic, sheets, cb), columns=["Onderwerp", "Toelichting"])
        about.to_excel(xl, index=False, sheet_name="Toelichting")
        ws = xl.sheets["Toelichting"]
        ws.column_dimensions["A"].width = 32
        ws.column_dimensions["B"].width = 110
        start = len(about) + 3
        ws.cell(row=start, column=1, value="Werkblad").font = bold
        ws.cell(row=start, column=2, value="Tabel of figuur (hoofdstuk)").font = bold
        ws.cell(row=start, column=3, value="Label in het boek").font = bold
        for i, (sheet, ex) in enumerate(sheets, start=start + 1):
            link = ws.cell(row=i, column=1, value=sheet)
            link.hyperlink = f"#'{sheet}'!A1"
            link.style = "Hyperlink"
            ws.cell(row=i, column=2, value=f"{ex.caption} ({ex.chapter})")
            ws.cell(row=i, column=3, value=ex.name)

        for sheet, ex in sheets:
            data = pd.read_csv(ex.data_file, encoding="utf-8")
            header = [
                ("Titel", f"{ex.number + ': ' if ex.number else ''}{ex.caption}"),
                ("Hoofdstuk", ex.chapter),
                ("Basis (n)", _base_text(data, ex.notes, ex.sidecar)),
            ]
            if ex.sidecar.get("bron_in_rapport"):
                header.append(("In het rapport", ex.sidecar["bron_in_rapport"]))
            if ex.sidecar.get("onderdrukt"):
                header.append(("Geheimhouding", ex.sidecar.get("uitleg_symbool", "")
                               + " Zulke cellen zijn hier leeg; de kolom 'Geheimhouding' zegt per rij waarom."))
            header += [("Noot", n) for n in ex.notes]
            header.append(("Label in het boek", ex.name))
            if synthetic:
                header.append(("LET OP", "Synthetische gegevens: zie het werkblad Toelichting."))
            shown = data.set_axis(_dutch_columns(data.columns, cb), axis=1)
            first = len(header) + 1  # one empty row between the header block and the data
            shown.to_excel(xl, index=False, sheet_name=sheet, startrow=first)
            ws = xl.sheets[sheet]
            for r, (key, value) in enumerate(header, start=1):
                ws.cell(row=r, column=1, value=key).font = bold
                ws.cell(row=r, column=2, value=value)
            _autosize(ws, shown, first)

        table = codebook_table(year, cb)
        table.to_excel(xl, index=False, sheet_name="Codeboek")
        _autosize(xl.sheets["Codeboek"], table, 0)
        xl.sheets["Codeboek"].freeze_panes = "B2"
    tmp.replace(out)
    return out
