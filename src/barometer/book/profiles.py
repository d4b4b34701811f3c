"""Sector profiles: which profiles an edition has, and their notebooks in the staged book.

The profiles come from the data and the codebook, not from code: every group of a grouping
variable listed under ``profiles`` in ``data/disclosure.yaml`` (``sector``, ``national_type``)
that has respondents in the edition's year gets a profile, named after its codebook label;
groups below the threshold are pooled as the policy says
(:func:`barometer.presentation.disclosure.profile_groups`). A group of the second variable whose
respondents are exactly those of a profile already made (the zbo's are both sector 9 and
national part 3) gets no second profile.

At staging time (:func:`stage`) one notebook per profile is written from the template
``templates/sectorprofiel.ipynb`` with the profile in the literal default of its parameter
``sector``; papermill injects the four book parameters (``year``, ``comparison_years``,
``data_path``, ``min_base``) as for every chapter. The staged ``_toc.yml`` gets the profiles as
chapters of the part after the overview page ``chapters/sectorprofielen.md`` (a book whose
table of contents does not list that page has no profiles), and the overview page gets a generated list of the profiles and a paragraph
saying which groups were pooled or left out and why.

The template lives in ``templates/``, not in ``chapters/``: the chapters' ``parameters`` cell
has exactly the four book parameters (``tests/test_chapters_structure.py``), and the profile
has a fifth, ``sector``, whose value is not a build parameter but the literal default written
into each staged copy (``tests/test_profiles.py`` checks the template's five parameters).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from barometer.presentation import disclosure
from barometer.data import paths
from barometer.data.codebook import load_codebook
from barometer.presentation.phrasing import join_nl

__all__ = ["Profile", "TEMPLATE", "OVERVIEW", "PART", "profiles", "profile_label", "profile_slug", "stage"]

#: The profile notebook; executed once per profile.
TEMPLATE: Path = paths.ROOT / "templates" / "sectorprofiel.ipynb"
#: Overview page of the part, in the source table of contents.
OVERVIEW = "chapters/sectorprofielen"
#: Caption of the part.
PART = "Sectorprofielen"
#: Folder of the staged profile notebooks.
FOLDER = "sectorprofielen"


@dataclass(frozen=True)
class Profile:
    """One profile of an edition."""

    variable: str
    codes: tuple[int, ...]
    label: str
    slug: str
    base: int
    pooled: bool = False
    reasons: dict = field(default_factory=dict)

    @property
    def spec(self) -> str:
        """The notebook parameter ``sector`` of the profile."""
        return f"{self.variable}:{','.join(map(str, self.codes))}"


def _pool_label(variable: str) -> str:
    for g in disclosure.profile_groupings():
        if g["variable"] == variable:
            return str(g["pool_label"])
    return "Overige groepen"


def profile_label(variable: str, codes) -> str:
    """Dutch name of a profile: the codebook label, or the policy's pool label for several codes."""
    codes = tuple(codes)
    if len(codes) > 1:
        return _pool_label(variable)
    cb = load_codebook()
    long = cb.labels_long(variable) if hasattr(cb, "labels_long") else {}
    label = long.get(codes[0]) or cb.labels(variable).get(codes[0]) or f"{variable} {codes[0]}"
    return str(label)


def profile_slug(variable: str, codes) -> str:
    """File name of a profile (ASCII, lower case): ``sector-gemeente``, ``nationaal-kerndepartement``."""
    prefix = "sector" if variable == "sector" else "nationaal" if variable == "national_type" else variable
    text = unicodedata.normalize("NFKD", profile_label(variable, codes)).encode("ascii", "ignore").decode()
    return f"{prefix}-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def profiles(df: pd.DataFrame, year: int, min_base: int | None = None) -> tuple[list[Profile], list[dict]]:
    """The profiles of ``year`` in ``df`` and the groups without one (with the reason).

    Returns
    -------
    (list of Profile, list of dict)
        Profiles in the order of the policy's groupings, codes ascending, pools last; and for
        each group without its own profile a dict ``variable``, ``code``, ``label``, ``reason``
        (``pooled-primary``, ``pooled-secondary``, ``dropped``, ``duplicate``) and ``into``
        (the slug of the profile that covers it, or None).
    """
    cb = load_codebook()
    cur = df[df["year"] == int(year)]
    out: list[Profile] = []
    missing: list[dict] = []
    seen: dict[frozenset, str] = {}
    for g in disclosure.profile_groupings():
        var = g["variable"]
        if var not in cur.columns:
            continue
        bases = cur[var].dropna().astype(int).value_counts().to_dict()
        groups, dropped = disclosure.profile_groups(bases, min_base)
        labels = cb.labels(var)
        for grp in groups:
            members = frozenset(cur.index[cur[var].isin(grp.codes)])
            slug = profile_slug(var, grp.codes)
            if members in seen:
                for c in grp.codes:
                    missing.append(dict(variable=var, code=c, label=labels.get(c, str(c)),
                                        reason="duplicate", into=seen[members]))
                continue
            seen[members] = slug
            out.append(Profile(var, grp.codes, profile_label(var, grp.codes), slug, grp.base,
                               grp.pooled, dict(grp.reasons)))
            for c, why in grp.reasons.items():
                missing.append(dict(variable=var, code=c, label=labels.get(c, str(c)),
                                    reason=f"pooled-{why}", into=slug))
        for c in dropped:
            missing.append(dict(variable=var, code=c, label=labels.get(c, str(c)), reason="dropped", into=None))
    return out, missing


def _notebook(spec: str, title: str) -> dict:
    """The template with the profile in the default of ``sector`` and its name as title
    (the cell tagged ``profile-title``: Jupyter Book takes a page's title from its first
    Markdown heading, not from an output)."""
    nb = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    titled = False
    for cell in nb["cells"]:
        if "profile-title" in cell.get("metadata", {}).get("tags", []):
            cell["source"] = [f"# {title}"]
            titled = True
    if not titled:
        raise ValueError(f"{TEMPLATE}: geen Markdown-cel met de tag 'profile-title'.")
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = "".join(cell["source"])
            new = re.sub(r'^sector = .*$', f"sector = {spec!r}", src, flags=re.M)
            if new == src:
                raise ValueError(f"{TEMPLATE}: de parameters-cel heeft geen regel 'sector = ...'.")
            cell["source"] = new.splitlines(keepends=True)
            return nb
    raise ValueError(f"{TEMPLATE}: geen cel met de tag 'parameters'.")


def overview_text(found: list[Profile], missing: list[dict], min_base: int | None) -> str:
    """Generated Dutch text of the overview page: the list of profiles, and which groups are
    pooled or left out, and why."""
    t = disclosure.threshold(min_base)
    lines = ["\n".join(f"- {{doc}}`{p.label} </{FOLDER}/{p.slug}>`" for p in found)] if found else [
        "Deze uitgave heeft geen sectorprofielen: geen enkele groep heeft genoeg deelnemende organisaties."]
    by_slug = {p.slug: p for p in found}
    pools: dict[str, list[dict]] = {}
    for m in missing:
        if m["reason"].startswith("pooled"):
            pools.setdefault(m["into"], []).append(m)
    for slug, ms in pools.items():
        small = [m["label"] for m in ms if m["reason"] == "pooled-primary"]
        extra = [m["label"] for m in ms if m["reason"] == "pooled-secondary"]
        text = (f"{join_nl(small)} {'heeft' if len(small) == 1 else 'hebben'} in deze meting minder dan "
                f"{t} deelnemende organisaties en {'krijgt' if len(small) == 1 else 'krijgen'} daarom geen "
                f"eigen profiel; {'ze staat' if len(small) == 1 else 'ze staan'} in het profiel "
                f"{{doc}}`{by_slug[slug].label} </{FOLDER}/{slug}>`.")
        if extra:
            text += (f" Omdat dat profiel anders uit het totaal en de andere profielen af te leiden zou zijn, "
                     f"staat ook {join_nl(extra)} daarin, en niet apart.")
        lines.append(text)
    dropped = [m["label"] for m in missing if m["reason"] == "dropped"]
    if dropped:
        lines.append(f"{join_nl(dropped)} {'heeft' if len(dropped) == 1 else 'hebben'} te weinig deelnemende "
                     f"organisaties voor een profiel, ook samen met andere kleine groepen; deze organisaties "
                     f"tellen wel mee in het hele openbaar bestuur.")
    for m in missing:
        if m["reason"] == "duplicate":
            lines.append(f"Het onderdeel {m['label']} van de nationale overheid bestaat uit dezelfde organisaties "
                         f"als het profiel {{doc}}`{by_slug[m['into']].label} </{FOLDER}/{m['into']}>`.")
    if len(lines) == 1 and found:
        lines.append(f"Elke groep heeft in deze meting ten minste {t} deelnemende organisaties en dus een eigen profiel.")
    return "\n\n".join(lines)


def stage(stage_dir: Path, source_root: Path, data_file: Path, year: int,
          min_base: int | None = None) -> tuple[Path, list[Path]]:
    """Write the profile notebooks and add them to the staged table of contents.

    Parameters
    ----------
    stage_dir : Path
        The staged book (``_build/stage/<year>/``) with its ``_toc.yml``.
    source_root : Path
        Folder for the generated source notebooks (emptied first); the executor reads them
        from here and writes the executed notebooks to ``stage_dir``.
    data_file : Path
        The validated respondent file of ``year``.
    year, min_base : int

    Returns
    -------
    (Path, list of Path)
        ``source_root`` and the notebooks relative to it (``sectorprofielen/<slug>.ipynb``).
    """
    import shutil

    from barometer.book.edition import Edition

    source_root = Path(source_root)
    if source_root.exists():
        shutil.rmtree(source_root)
    (source_root / FOLDER).mkdir(parents=True)
    toc_path = Path(stage_dir) / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    part = next((pt for pt in toc.get("parts", [])
                 if any(ch.get("file") == OVERVIEW for ch in pt.get("chapters", []))), None)
    if part is None:  # a book without the overview page has no profiles
        return source_root, []
    ed = Edition.open(int(year), [], str(data_file), int(disclosure.threshold(min_base)))
    found, missing = profiles(ed.df, int(year), min_base)
    rels = []
    for p in found:
        rel = Path(FOLDER) / f"{p.slug}.ipynb"
        (source_root / rel).write_text(json.dumps(_notebook(p.spec, p.label), indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
        rels.append(rel)
    # The profiles are chapters of the part, after the overview page (not sections below it:
    # the theme's collapsible sidebar entry for sections has a summary without text, a
    # WCAG violation on every page).
    entries = [{"file": f"{FOLDER}/{p.slug}"} for p in found]
    at = next(i for i, ch in enumerate(part["chapters"]) if ch.get("file") == OVERVIEW)
    part["chapters"][at + 1:at + 1] = entries
    toc_path.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = Path(stage_dir) / f"{OVERVIEW}.md"
    if page.is_file():
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("<!-- profielen-samenstelling -->", overview_text(found, missing, min_base)),
                        encoding="utf-8")
    return source_root, rels
