"""The generator: reads codebook, published figures and registers, writes one file per year."""
from __future__ import annotations

import platform
from pathlib import Path

import pandas as pd
import scipy

from ..data import paths
from . import codebook_io
from .output import atomic_write, frame_to_csv_bytes, sha256_bytes, sidecar_bytes

NOTE_NL = (
    "Dit bestand is synthetisch: het bevat geen echte antwoorden van organisaties. Het is "
    "gegenereerd uit de gepubliceerde cijfers van de Innovatie Barometer Overheid en uit "
    "expliciete aannames (data/registers/assumptions.yaml), zodat alle hoofdstukken erop draaien "
    "en de gepubliceerde cijfers na afronding terugkomen. Gebruik het niet voor nieuwe conclusies."
)


def targets_sha256() -> str:
    h = []
    for p in (paths.PUBLISHED / "figures.csv", paths.DATA / "registers" / "conflicts.yaml",
              paths.DATA / "registers" / "assumptions.yaml", paths.CODEBOOK):
        h.append(p.name + ":" + (sha256_bytes(p.read_bytes()) if p.exists() else "absent"))
    return sha256_bytes("\n".join(h).encode())


def generate(year: int, seed: int | None = None, rough: bool = False, best_effort: bool = False):
    """Return (frame, report dict) for ``year``."""
    from . import SEED
    seed = SEED if seed is None else seed
    cb = codebook_io.load()
    if rough:
        from .rough import rough_frame
        return rough_frame(cb, year, seed), {"solver": "none (rough sampler)", "met": None}
    from .exact import exact_frame
    return exact_frame(cb, year, seed, best_effort=best_effort)


def write_year(year: int, out_dir: Path | None = None, rough: bool = False, seed: int | None = None,
               best_effort: bool = False):
    from . import GENERATOR_VERSION, N, SEED
    seed = SEED if seed is None else seed
    df, report = generate(year, seed=seed, rough=rough, best_effort=best_effort)
    from .verify import check, summary
    if not rough:
        report["met"] = {k: v for k, v in summary(check(df, year)).items() if k != "unmet"}
    from .basis import basis
    b = basis(codebook_io.load())
    report["basis"] = {"variables": b["variables"], "pairs": b["pairs"]}
    assert len(df) == N[year], (year, len(df))
    out_dir = Path(out_dir) if out_dir else paths.DATA
    path = out_dir / f"respondents-{year}-synthetic.csv"
    data = frame_to_csv_bytes(df)
    meta = {
        "synthetic": True,
        "generator": "barometer.synthetic",
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "solver": report.get("solver", "scipy.optimize.milp (HiGHS), 1 thread"),
        "solver_version": f"scipy {scipy.__version__}",
        "targets_sha256": targets_sha256(),
        "created_from": [
            "data/codebook.yaml",
            "data/published/figures.csv",
            "data/registers/assumptions.yaml",
            "data/registers/conflicts.yaml",
        ],
        "n": int(len(df)),
        "year": int(year),
        "file_sha256": sha256_bytes(data),
        "targets_met": report.get("met"),
        "infeasible_blocks": report.get("infeasible_blocks", []),
        "constrained_vs_assumed": {**report["basis"], "constrained_pairs": b["constrained_pairs"],
                                   "assumed_variables": sorted(k for k, t in b["tags"].items() if t == "assumed"),
                                   "partly_published_variables": sorted(k for k, t in b["tags"].items()
                                                                        if t == "partly")},
        "licence": "CC BY 4.0",
        "note": NOTE_NL,
    }
    atomic_write(path, data)
    atomic_write(Path(str(path) + ".meta.yaml"), sidecar_bytes(meta))
    return path, {k: v for k, v in report.items() if k != "solver"}
