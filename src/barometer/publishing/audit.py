"""The disclosure audit: scan everything a build wrote for numbers the policy forbids.

``barometer audit [--year Y]`` (and the end of every ``barometer build``) reads what the build
wrote for one edition — the executed chapters and their downloads and sidecars
(``_build/stage/<year>/``), the HTML with its text, every CSV and Excel file, the edition
workbook, the PDF's text where one was made — and reports, in Dutch, naming file, exhibit and
cell:

- a value of a group below the threshold that shows (a download cell that is not empty while
  its base is below the threshold);
- a hidden value that follows from what is shown: within one download (a total with exactly
  one hidden group, :func:`barometer.presentation.disclosure.complementary`), and across the exhibits of the
  edition (a value an exhibit hid, recognised by its sidecar's fingerprint of value and base,
  shown in another exhibit's download; and a count that follows when the exhibits are put side
  by side — a total in one, the other groups in others, as counts, shares or base columns —
  :mod:`barometer.publishing.derivation`);
- a respondent id (the ids of the edition's respondent file) anywhere in the output.

The checks read the files as a reader gets them; they do not trust the sidecars' record of what
was suppressed, only their description of which column is a base and which a value.

Notes
-----
What the audit cannot see: a number in running text or alt text is not tied to a group, so a
leak there (e.g. "100%" of a group of two glued into a sentence) is prevented by construction
instead (exhibits glue :func:`barometer.presentation.disclosure.show` results), not found afterwards. A
purely numeric respondent id shorter than six digits cannot be told apart from a count; such ids
are only sought in download columns named like an id column.
"""

from __future__ import annotations

import argparse
import dataclasses
import html as _html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from barometer.presentation import disclosure
from barometer.data import paths

__all__ = ["Finding", "AuditError", "audit", "audit_edition", "format_findings"]

_TOTAL = "Totaal"
_SUFFIXES = (" (volle precisie)", " (afgerond)")
_KEY_HEADERS = ("Jaar", "Groep (code)", "Variabele (codeboek)", "Code")
_NOT_KEYS = {"Bron", "Let op", "Geheimhouding"}
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


class AuditError(RuntimeError):
    """The audit found a disclosure problem (the message lists every finding, in Dutch)."""


@dataclass(frozen=True)
class Finding:
    """One problem: which file, which exhibit, which cell, and what is wrong (Dutch)."""

    file: str
    exhibit: str
    cell: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f", {self.exhibit}" if self.exhibit else "") + (f", {self.cell}" if self.cell else "")
        return f"{where}: {self.problem}"


def format_findings(findings: list[Finding]) -> str:
    """Dutch report of the findings (one line each)."""
    if not findings:
        return "Geheimhoudingscontrole: geen problemen gevonden."
    return (f"Geheimhoudingscontrole: {len(findings)} probleem/problemen gevonden.\n"
            + "\n".join(f"- {f}" for f in findings))


# --------------------------------------------------------------------------- reading
def _sidecars(stage: Path) -> dict[str, dict]:
    out = {}
    for p in sorted(Path(stage).rglob("_downloads/*.json")):
        try:
            meta = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(meta, dict) and meta.get("naam"):
            out[str(meta["naam"])] = meta
    return out


def _read_table(path: Path) -> list[tuple[str, pd.DataFrame]]:
    """(sheet or "", frame) of a CSV or of every sheet of an Excel file (header in the first row).

    Every cell is a Python ``str`` (object columns): the checks look at cells one by one,
    which is slow on pandas' Arrow-backed string columns.
    """
    if path.suffix == ".csv":
        return [("", pd.read_csv(path, dtype=str, keep_default_na=False).astype(object))]
    # calamine (Rust) reads the same cells as openpyxl, several times faster.
    sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=str, engine="calamine")
    return [(name, frame.fillna("").astype(object)) for name, frame in sheets.items()]


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _workbook_sheet(frame: pd.DataFrame) -> tuple[str, pd.DataFrame] | None:
    """A workbook sheet: its exhibit label and its data (below the header block and an empty row)."""
    label = ""
    for i in range(len(frame)):
        row = [str(x) for x in frame.iloc[i]]
        if row[0] == "Label in het boek" and len(row) > 1:
            label = row[1]
        if i > 0 and all(_empty(x) for x in row) and i + 1 < len(frame):
            if not label:
                return None
            body = frame.iloc[i + 2:].copy()
            body.columns = [str(c) for c in frame.iloc[i + 1]]
            return label, body.reset_index(drop=True)
    return None


def _value_columns(meta: dict, columns: Iterable[str]) -> dict[str, str]:
    """Value column (as in the file) -> its base column, from the sidecar's description."""
    values = (meta.get("kolommen") or {}).get("waarden") or {}
    out = {}
    for c in columns:
        stem = c
        for s in _SUFFIXES:
            if c.endswith(s):
                stem = c[: -len(s)]
        if stem in values and values[stem] in columns:
            out[c] = values[stem]
    return out


def _num(x: str) -> float | None:
    try:
        v = float(str(x).replace(",", "."))
    except ValueError:
        return None
    return None if v != v else v


def _text(column: pd.Series):
    """The cells of a column as ``str`` (a NumPy object array; what ``astype(str)`` gives,
    without building an Arrow string column)."""
    return np.array([str(x) for x in column], dtype=object)


def _joined(frame: pd.DataFrame) -> str:
    """Every cell of ``frame`` as text, joined by spaces (row by row)."""
    return " ".join(str(x) for x in frame.to_numpy().ravel())


def _empty(x) -> bool:
    return str(x).strip() in ("", "nan", "None", "<NA>")


# --------------------------------------------------------------------------- checks
def _check_frame(frame: pd.DataFrame, meta: dict, threshold: int, file: str,
                 shown: dict) -> list[Finding]:
    """Primary and within-exhibit secondary checks of one download table."""
    findings: list[Finding] = []
    name = str(meta.get("naam", ""))
    cols = [str(c) for c in frame.columns]
    values = _value_columns(meta, cols)
    if not values:
        return findings
    index = list(frame.index)
    cells = {c: frame[c].tolist() for c in {*values, *values.values(), *_IDENTITY_COLUMNS} if c in frame}
    for pos, i in enumerate(index):
        for col, bcol in values.items():
            value, base = cells[col][pos], cells[bcol][pos]
            n = _num(base)
            if (n is None or n < threshold) and not _empty(value):
                findings.append(Finding(file, name, f"rij {int(i) + 2}, kolom '{col}'",
                                        f"cijfer '{value}' van een groep van {base or 'onbekend'} "
                                        f"(minder dan {threshold}) is zichtbaar."))
    # within one exhibit: a block with a shown total and exactly one hidden group
    group = next((c for c in cols if c not in values and (_text(frame[c]) == _TOTAL).any()), None)
    bases = sorted(set(values.values()), key=cols.index)
    labels = [c for c in cols if group and c != group and c not in values and c not in bases
              and frame.groupby(group, sort=False)[c].nunique().max() == 1 and frame[c].nunique() > 1]
    keys = [c for c in cols if c not in values and c not in bases and c not in labels
            and c != group and c not in _NOT_KEYS]
    if group is not None and not meta.get("zoals_gedrukt"):
        for bcol in bases:
            vcols = [c for c, b in values.items() if b == bcol]
            blocks = [sub for _, sub in frame.groupby(keys, sort=False)] if keys else [frame]
            for sub in blocks:
                total = sub[_text(sub[group]) == _TOTAL]
                if len(total) != 1 or all(_empty(total.iloc[0][c]) for c in vcols):
                    continue
                groups = sub[_text(sub[group]) != _TOTAL]
                gidx = list(groups.index)
                n = {i: (_num(b) or 0.0) for i, b in zip(gidx, groups[bcol].tolist())}
                gvals = [groups[c].tolist() for c in vcols]
                hide = {i for pos, i in enumerate(gidx) if all(_empty(v[pos]) for v in gvals)}
                rest = (_num(total.iloc[0][bcol]) or 0.0) - sum(n.values())
                if rest < 0:
                    continue
                if disclosure.complementary(n, hide, rest, threshold):
                    if not hide:
                        findings.append(Finding(
                            file, name, f"blok {', '.join(f'{k} {total.iloc[0][k]}' for k in keys) or 'geheel'}",
                            f"het cijfer van de {int(rest)} organisaties die in het totaal maar in geen groep "
                            "meetellen, is af te leiden uit het totaal en de groepen."))
                    for i in sorted(hide):
                        findings.append(Finding(
                            file, name, f"rij {int(i) + 2} ({group} {groups.at[i, group]})",
                            "verborgen cijfer is af te leiden: het totaal en alle andere groepen staan er wel."))
    if meta.get("zoals_gedrukt"):  # as printed: the printed rounding only, nothing more
        for col in values:
            flags = {str(v) for v in frame[col] if not _empty(v)} <= {"True", "False"}
            if not col.endswith(" (afgerond)") and not flags:  # a yes/no flag is no figure
                findings.append(Finding(file, name, f"kolom '{col}'",
                                        "tabel zoals gedrukt mag alleen de gedrukte afronding bevatten."))
    # across exhibits: remember the fingerprint of every shown full-precision value
    for pos, i in enumerate(index):
        for col, bcol in values.items():
            value = cells[col][pos]
            if col.endswith(" (afgerond)") or _empty(value):
                continue
            fp = disclosure.fingerprint(_num(value), _num(cells[bcol][pos]))
            if fp:
                shown.setdefault(fp, []).append((file, name, f"rij {int(i) + 2}, kolom '{col}'",
                                                 _row_identity(cells, pos)))
    return findings


#: Download columns that say which measurement year, which group and which item (codebook
#: variable, and the indicator of a profile: promoted or hindered) a row is about.
_YEAR_COLUMN, _GROUP_COLUMN, _ITEM_COLUMN, _INDICATOR_COLUMN = "Jaar", "Groep", "Variabele (codeboek)", "Indicator"
_IDENTITY_COLUMNS = (_YEAR_COLUMN, _GROUP_COLUMN, _ITEM_COLUMN, _INDICATOR_COLUMN)


def _row_identity(cells: dict[str, list], pos: int) -> tuple[str | None, ...]:
    """(year, group label, item, indicator) of row ``pos`` of a download (its cells by column,
    see :func:`_check_frame`), ``None`` where the download has no such column."""
    def cell(column):
        value = cells[column][pos] if column in cells else None
        return None if value is None or _empty(value) else str(value).strip()

    year = cell(_YEAR_COLUMN)
    return (None if year is None else year.removesuffix(".0"), cell(_GROUP_COLUMN), cell(_ITEM_COLUMN),
            cell(_INDICATOR_COLUMN))


def _group_names(key: dict) -> set[str]:
    """Every name the group of a hidden cell's key can carry: its own label and every codebook label
    (long and short) of its code."""
    names = {str(key[k]).strip() for k in _GROUP_LABEL_KEYS if key.get(k) is not None}
    code = key.get("group")
    if code is None:
        return names
    from barometer.data.codebook import load_codebook

    cb = load_codebook()
    for variable in cb.variables:
        for labels in (cb.labels(variable), cb.labels_short(variable), cb.labels_long(variable)):
            try:
                label = labels.get(int(code))
            except (TypeError, ValueError):
                label = None
            if label:
                names.add(str(label).strip())
    return names


def _same_cell(key: dict, identity: tuple[str | None, ...]) -> bool:
    """Whether a shown row can be the hidden cell of ``key``: an equal value over an equal base of
    another measurement year, of another group (e.g. 4 of 6 for the types of innovation of a
    pooled profile against 4 of 6 innovating provinces) or of another item of the same group
    (10 of 16 for two effects of one profile group) is a coincidence, not the hidden figure.
    A row without a year, group or item column may be any year, group or item."""
    year, group, item, indicator = (tuple(identity) + (None,) * 4)[:4]
    key_item = next((key[k] for k in ("item", "variable") if key.get(k) is not None), None)
    if item is not None and key_item is not None and item != str(key_item).strip():
        return False
    if indicator is not None and key.get("indicator") is not None and indicator != str(key["indicator"]).strip():
        return False
    key_year = next((key[k] for k in _YEAR_KEYS if key.get(k) is not None), None)
    if year is not None and key_year is not None and year != str(key_year).removesuffix(".0"):
        return False
    if group is not None and any(k in key for k in ("group", *_GROUP_LABEL_KEYS)) and group not in _group_names(key):
        return False
    # a key in a download's own Dutch headers (e.g. Figuur 2-22: code, verandering) names its group
    # by a label among its text values: a shown row of a named group must carry one of them
    texts = {str(v).strip() for k, v in key.items() if isinstance(v, str) and k not in _YEAR_KEYS
             and not str(v).strip().isdigit()}
    if group is not None and not any(k in key for k in ("group", *_GROUP_LABEL_KEYS)) and texts and group not in texts:
        return False
    return True


#: Keys of a hidden cell that name its group by label, and its year: the code-style names of the
#: computed frames and the Dutch ones of frames computed with Dutch columns (``groep``, ``jaar``).
_GROUP_LABEL_KEYS = ("group_label", "groep")
_YEAR_KEYS = ("year", "jaar")


def _ids(data_file: Path | None) -> set[str]:
    if data_file is None or not Path(data_file).is_file():
        return set()
    from barometer.data.codebook import load_codebook

    id_col = load_codebook().id_column
    p = Path(data_file)
    if p.suffix == ".csv":
        ids = pd.read_csv(p, usecols=[id_col], dtype=str)[id_col]
    elif p.suffix == ".parquet":
        ids = pd.read_parquet(p, columns=[id_col])[id_col].astype(str)
    else:
        import pyreadstat

        frame, _ = pyreadstat.read_sav(str(p), usecols=[id_col])
        ids = frame[id_col].astype(str)
    return {i.strip() for i in ids.dropna() if i.strip()}


def _searchable(ids: set[str]) -> set[str]:
    return {i for i in ids if not i.isdigit() or len(i) >= 6}


def _scan_text(text: str, ids: set[str], file: str, exhibit: str = "") -> list[Finding]:
    found = sorted({t for t in _TOKEN.findall(text) if t in ids})
    return [Finding(file, exhibit, "", f"respondentnummer '{t}' staat in de uitvoer.") for t in found[:5]]


def _html_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    return _html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", raw)))


def _pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    proc = subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def _glue_text(nb_path: Path) -> str:
    """Glued text and alt text of an executed notebook (every text output of every cell)."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    parts = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            for mime, value in (out.get("data") or {}).items():
                if mime.startswith("text/") or mime.endswith("text/plain"):
                    parts.append("".join(value) if isinstance(value, list) else str(value))
            if out.get("text"):
                parts.append("".join(out["text"]) if isinstance(out["text"], list) else str(out["text"]))
    return "\n".join(parts)


# --------------------------------------------------------------------------- entry points
def audit(stage: Path, html_dir: Path | None = None, data_file: Path | None = None,
          min_base: int | None = None, pdf: Path | None = None,
          notes: list[str] | None = None, memo: dict | None = None) -> list[Finding]:
    """Audit one built edition; return every finding (empty: nothing leaks).

    Parameters
    ----------
    stage : Path
        The executed edition (``_build/stage/<year>/``): notebooks, ``_downloads/`` with the
        CSV, Excel and sidecar of every exhibit.
    html_dir : Path, optional
        The built HTML of the edition (text, downloads, the workbook in ``downloads/``).
    data_file : Path, optional
        The edition's respondent file (its ids are sought in everything written).
    min_base : int, optional
        Threshold of the build; default: what the sidecars say, else the policy's.
    pdf : Path, optional
        The edition's PDF, if one was made (its text is scanned when ``pdftotext`` exists).
    notes : list, optional
        Receives the Dutch notes on what is no finding and why (a derivation that the printed
        report itself already allows, in the report's edition at its threshold).
    memo : dict, optional
        Work of an earlier call to reuse, keyed on content: the tables read from a file (by
        the file's SHA-256), the checks of a table (by its content, sheet and sidecar, and
        the threshold) and the check across exhibits (by everything it reads). The build
        audits the staged edition while Jupyter Book renders it, and then the whole edition
        with the same ``memo``: only what the rendering added is read and checked again; the
        findings are those of a call without ``memo``.
    """
    stage = Path(stage)
    metas = _sidecars(stage)
    if min_base is None:
        found = {m.get("drempel") for m in metas.values() if m.get("drempel")}
        min_base = found.pop() if len(found) == 1 else None
    threshold = disclosure.threshold(min_base)
    ids = _searchable(_ids(data_file))
    findings: list[Finding] = []
    shown: dict = {}
    files: list[Path] = sorted(stage.rglob("_downloads/*.csv")) + sorted(stage.rglob("_downloads/*.xlsx"))
    if html_dir is not None and Path(html_dir).is_dir():
        files += sorted(Path(html_dir).rglob("*.csv")) + sorted(Path(html_dir).rglob("*.xlsx"))
    root = html_dir.parent if html_dir is not None else stage
    # The HTML holds byte-for-byte copies of the stage's downloads: a file whose bytes were
    # already read and checked is not parsed again, and its findings (and the fingerprints of
    # what it shows) are those of the first copy with this file's name.
    memo = {} if memo is None else memo
    tables_of: dict[tuple[str, str], list] = memo.setdefault("tables", {})
    checked: dict[tuple, tuple[str, list[Finding], dict]] = memo.setdefault("checked", {})
    across: list[tuple[pd.DataFrame, dict, str, tuple]] = []
    seen: set[tuple] = set()
    for f in files:
        rel = str(f.relative_to(root) if f.is_relative_to(root) else f)
        try:
            content = (_digest(f), f.suffix)
            if content not in tables_of:
                tables_of[content] = _read_table(f)
            tables = tables_of[content]
        except Exception as exc:  # noqa: BLE001 - an unreadable download is itself a finding
            findings.append(Finding(rel, "", "", f"bestand is niet te lezen: {exc}"))
            continue
        for sheet, frame in tables:
            if f.suffix == ".xlsx" and f.stem not in metas:  # the edition workbook
                block = _workbook_sheet(frame)
                if block is None:
                    text = _joined(frame)
                    findings += _scan_text(text, ids, rel, sheet)
                    continue
                label, frame = block
                meta = metas.get(label, {"naam": label})
                where = f"{rel}, werkblad '{sheet}'"
            else:
                if f.suffix == ".xlsx":
                    frame = frame.iloc[1:].set_axis([str(c) for c in frame.iloc[0]], axis=1).reset_index(drop=True)
                meta = metas.get(f.stem, {"naam": f.stem})
                where = rel
            key = (content, sheet, f.stem in metas, json.dumps(meta, sort_keys=True, default=str), threshold)
            if key not in checked:
                local: dict = {}
                checked[key] = (where, _check_frame(frame, meta, threshold, where, local), local)
            first, found, local = checked[key]
            if f.stem in metas and key not in seen:  # an exhibit's own download (not the workbook's copy)
                across.append((frame, meta, where, key))
            seen.add(key)
            findings += [f_ if where == first else dataclasses.replace(f_, file=where) for f_ in found]
            for fp, cells in local.items():
                shown.setdefault(fp, []).extend((where, other, cell, identity)
                                                for _, other, cell, identity in cells)
            findings += _scan_text(_joined(frame), ids, where, str(meta.get("naam", "")))
    for name, meta in metas.items():
        for cell in meta.get("onderdrukt", []):
            for file, other, where, identity in shown.get(cell.get("vingerafdruk"), []):
                if other != name and _same_cell(cell.get("sleutel") or {}, identity):
                    findings.append(Finding(
                        file, other, where,
                        f"dit cijfer is in {name} verborgen ({cell.get('kolom')}, {cell.get('sleutel')}) "
                        "maar staat hier wel."))
    across_key = (threshold, tuple(a[3] for a in across), tuple(a[2] for a in across))
    if memo.get("across", (None,))[0] != across_key:
        memo["across"] = (across_key, _across_exhibits([a[:3] for a in across], threshold))
    found, waived = memo["across"][1]
    findings += found
    if notes is not None:
        notes += waived
    for nb in sorted(stage.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        findings += _scan_text(_glue_text(nb), ids, str(nb.relative_to(stage)))
    if html_dir is not None and Path(html_dir).is_dir():
        for page in sorted(Path(html_dir).rglob("*.html")):
            findings += _scan_text(_html_text(page), ids, str(page.relative_to(root)))
    if pdf is not None and Path(pdf).is_file():
        text = _pdf_text(Path(pdf))
        if text is not None:
            findings += _scan_text(text, ids, str(pdf))
    return findings


def _cells(used) -> str:
    """Where the cells of a derivation are: per exhibit its file and rows (Dutch)."""
    by: dict[tuple[str, str], dict[str, list[str]]] = {}
    for k in used:
        row, _, column = k.cell.partition(", ")
        by.setdefault((k.exhibit, k.file), {}).setdefault(column, []).append(row.removeprefix("rij "))
    return "; ".join(f"{exhibit} ({file}: " + ", ".join(f"{column}, rij {', '.join(rows)}" for column, rows in cols.items())
                     + ")" for (exhibit, file), cols in by.items())


def _label(variable: str, code: int) -> str:
    from barometer.data.codebook import load_codebook

    return str(load_codebook().labels(variable).get(code, code))


def _across_exhibits(tables: list[tuple[pd.DataFrame, dict, str]], threshold: int) -> tuple[list[Finding], list[str]]:
    """The check across exhibits (:mod:`barometer.publishing.derivation`): findings, and the
    notes on derivations that the printed report itself allows."""
    from barometer.publishing import derivation

    result = derivation.derivations(tables, threshold)
    findings = []
    for d in result.derived:
        exhibit, _, cell = d.vector.partition(", ")
        what = "het gemiddelde" if d.kind == "mean" else "het aantal"
        findings.append(Finding(
            d.total.file, exhibit, f"{cell}; {d.part}",
            f"{what} van {d.part} ({d.grouping} {d.year}) is over exhibits heen af te leiden: het totaal "
            f"({_cells([d.total])}) min de groepen die er wel staan ({_cells(d.used)}); "
            f"{'dat gemiddelde' if d.kind == 'mean' else 'dat aantal'} {d.reason}."))
    for vector, code, known in result.shown_elsewhere:
        findings.append(Finding(
            known.file, known.exhibit, known.cell,
            f"{'dit gemiddelde' if vector.kind == 'mean' else 'dit aantal'} is in {vector.exhibit} verborgen "
            f"({vector.file}, {vector.what}; {vector.grouping} {_label(vector.grouping, code)}, {vector.year}) "
            "maar staat hier precies."))
    notes = [f"Geen bevinding: het aantal van {d.part} ({d.grouping} {d.year}) volgt al uit de gedrukte cijfers "
             f"van het rapport ({', '.join(d.exhibits())}: {_cells((d.total, *d.used))}); in de editie en bij de "
             "drempel van het rapport blijven die cijfers zoals gedrukt (published_as_is in data/disclosure.yaml), "
             "en het boek voegt niets toe waaruit het volgt." for d in result.printed]
    return findings, notes


def audit_edition(year: int, project: Path | None = None, data_file: Path | None = None,
                  min_base: int | None = None, html_dir: Path | None = None,
                  notes: list[str] | None = None) -> list[Finding]:
    """Audit the built edition ``year`` of the project (``_build/stage|html|pdf/<year>``).

    Raises
    ------
    AuditError
        If the edition was not built (no staging folder).
    """
    project = Path(project) if project is not None else paths.ROOT
    stage = project / "_build" / "stage" / str(year)
    if not stage.is_dir():
        raise AuditError(f"Editie {year} is niet gebouwd: {stage} ontbreekt. Draai eerst `barometer build --year {year}`.")
    html_dir = Path(html_dir) if html_dir is not None else project / "_build" / "html" / str(year)
    if data_file is None:
        data_file = _data_file_of(stage)
    pdfs = sorted((project / "_build" / "pdf" / str(year)).glob("*.pdf"))
    return audit(stage, html_dir, data_file, min_base, pdfs[0] if pdfs else None, notes)


def _default_year() -> int:
    """The newest edition of the editions file (the build's default edition)."""
    from barometer.data.editions import newest_year

    return newest_year()


def _data_file_of(stage: Path) -> Path | None:
    """The respondent file an executed edition ran on (its injected ``data_path``)."""
    for nb in sorted(stage.rglob("*.ipynb")):
        text = nb.read_text(encoding="utf-8", errors="replace")
        # the injected parameters (an absolute path) come after the chapter's defaults
        for m in reversed(list(re.finditer(r'data_path = \\"([^"\\]+)\\"', text))):
            if Path(m.group(1)).is_absolute() and Path(m.group(1)).is_file():
                return Path(m.group(1))
    return None


def check_build(stage: Path, html_dir: Path, data_file: Path | None, min_base: int | None,
                memo: dict | None = None) -> str:
    """The build's audit step: the Dutch summary line, or :class:`~barometer.data.book_files.BuildError`.

    Called by :func:`barometer.book.build.build` on the freshly rendered HTML, before it replaces
    the previous edition: a leak stops the build and leaves the published HTML as it was.
    """
    from barometer.data.book_files import BuildError

    notes: list[str] = []
    findings = audit(stage, html_dir, data_file, min_base, notes=notes, memo=memo)
    if findings:
        raise BuildError(format_findings(findings))
    return format_findings(findings) + "".join(f"\n{n}" for n in notes)


def add_parser(sub) -> None:
    """The ``barometer audit`` subcommand."""
    a = sub.add_parser("audit", help="controleer een gebouwde editie op cijfers die het geheimhoudingsbeleid verbiedt")
    a.add_argument("--year", type=int, default=None, help="editie (standaard: het nieuwste jaar van het edities-bestand)")
    a.add_argument("--min-base", type=int, default=None,
                   help="drempel (standaard: die waarmee de editie is gebouwd)")
    a.add_argument("--data", type=Path, default=None,
                   help="respondentbestand waarvan de id's worden gezocht (standaard: het bestand waarop de editie draaide)")
    a.add_argument("--project", type=Path, default=None, help=argparse.SUPPRESS)


def run(args) -> int:
    """Run ``barometer audit``; 0 when nothing leaks, 1 otherwise (the findings on stderr)."""
    import sys

    year = args.year if args.year is not None else _default_year()
    notes: list[str] = []
    try:
        findings = audit_edition(year, args.project, args.data, args.min_base, notes=notes)
    except AuditError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(format_findings(findings) + "".join(f"\n{n}" for n in notes), file=sys.stderr if findings else sys.stdout)
    return 1 if findings else 0
