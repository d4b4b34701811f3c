"""Command line of the project.

``barometer build``
    validate the data, execute every chapter, render the book (see :mod:`barometer.book.build`);
    ``barometer`` alone builds the newest edition of the editions file on the shipped data.
``barometer execute [NOTEBOOK ...]``
    re-execute committed chapters in place with their defaults, metadata stripped.
``barometer serve``
    serve the built HTML of an edition on http://127.0.0.1:8000/.
``barometer check-codebook``
    check the codebook and the editions file; every problem with its YAML path and line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from barometer.book import build as _build
from barometer.data import paths

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="barometer",
        description="Bouw het boek Innovatie Barometer Overheid.",
    )
    sub = parser.add_subparsers(dest="command")

    b = sub.add_parser(
        "build",
        help="valideer de gegevens, voer elk hoofdstuk uit, render het boek (standaard: het nieuwste jaar)",
        description="Valideert het respondentbestand, voert elk hoofdstuk van _toc.yml uit met "
        "papermill, rendert met jupyter-book (waarschuwingen zijn fouten) en zet de HTML op zijn "
        "plaats. Een mislukte bouw laat de vorige HTML ongemoeid. Hoofdstukken waarvan de invoer "
        "niet veranderde, komen uit de cache (_build/cache); een nieuw jaar heeft een item in "
        "het edities-bestand nodig.",
    )
    b.add_argument("--year", type=int, default=None,
                   help="meetjaar van de editie (standaard: het nieuwste jaar van het edities-bestand)")
    b.add_argument("--data", type=Path, default=None,
                   help="respondentbestand (.csv, .parquet, .sav); standaard: "
                        "data/respondents-<jaar>*.* van de repository")
    b.add_argument("--out", type=Path, default=None,
                   help="map voor de afgeronde HTML (standaard: _build/html/<jaar>)")
    b.add_argument("--jobs", type=int, default=2,
                   help="aantal hoofdstukken dat tegelijk wordt uitgevoerd (standaard: %(default)s)")
    b.add_argument("--compare", type=int, action="append", default=None, metavar="JAAR",
                   help="vergelijkingsjaar (herhaalbaar; standaard: elke eerdere editie)")
    b.add_argument("--min-base", type=int, default=_build.DEFAULT_MIN_BASE,
                   help="kleinste groep die met een cijfer wordt getoond (standaard: %(default)s)")
    b.add_argument("--editions", type=Path, default=None,
                   help="edities-bestand in plaats van data/editions.yaml "
                        "(standaard: $BAROMETER_EDITIONS als die is gezet)")
    b.add_argument("--cache-dir", type=Path, default=None,
                   help="cache van uitgevoerde hoofdstukken (standaard: _build/cache)")
    b.add_argument("--no-cache", action="store_true",
                   help="voer elk hoofdstuk uit en render opnieuw, ook als niets veranderde")
    b.add_argument("--project", type=Path, default=None, help=argparse.SUPPRESS)

    e = sub.add_parser(
        "execute",
        help="voer hoofdstukken opnieuw uit op hun plaats, met hun standaardparameters (vóór een commit)",
    )
    e.add_argument("notebooks", nargs="*", type=Path,
                   help="hoofdstuknotebooks (standaard: elk notebook van _toc.yml)")
    e.add_argument("--jobs", type=int, default=2)

    s = sub.add_parser("serve", help="serveer de gebouwde HTML van een editie op localhost")
    s.add_argument("--year", type=int, default=None,
                   help="editie (standaard: het nieuwste jaar van het edities-bestand)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--dir", type=Path, default=None, help="HTML-map (standaard: _build/html/<jaar>)")

    c = sub.add_parser(
        "check-codebook",
        help="controleer data/codebook.yaml en data/editions.yaml (elk probleem, met zijn regel)",
    )
    c.add_argument("--codebook", type=Path, default=None,
                   help="te controleren codeboek (standaard: data/codebook.yaml)")
    c.add_argument("--editions", type=Path, default=None,
                   help="edities-bestand (standaard: $BAROMETER_EDITIONS, anders data/editions.yaml)")

    from barometer.book import pdf as _pdf

    _pdf.add_parser(sub)
    from barometer.publishing import audit as _audit

    _audit.add_parser(sub)
    return parser


def _serve(directory: Path, port: int) -> int:
    import functools
    import http.server

    if not (directory / "index.html").is_file():
        print(f"Geen gebouwd boek in {directory}: draai eerst `barometer build`.", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"{directory} wordt geserveerd op http://127.0.0.1:{port}/ (Ctrl+C stopt)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``barometer`` console script; returns the exit code."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    command = args.command or "build"
    if args.command is None:  # `barometer` alone builds the default edition
        args = _parser().parse_args(["build"])
    if command == "build":
        try:
            _build.build(
                year=args.year, data=args.data, out=args.out, jobs=args.jobs,
                comparison_years=args.compare, min_base=args.min_base, project=args.project,
                editions=args.editions, cache_dir=args.cache_dir, use_cache=not args.no_cache,
            )
        except (_build.BuildError, FileNotFoundError) as exc:
            print(f"\nBOUWEN MISLUKT\n{exc}", file=sys.stderr)
            return 1
        return 0
    if command == "execute":
        failures = _build.execute_in_place(args.notebooks, jobs=args.jobs)
        for failure in failures:
            print(failure.describe(), file=sys.stderr)
        return 1 if failures else 0
    if command == "serve":
        if args.dir is None and args.year is None:
            from barometer.data.editions import newest_year

            args.year = newest_year()
        return _serve(args.dir or paths.html_dir(args.year), args.port)
    if command == "check-codebook":
        from barometer.data.codebook import check_codebook_cli

        return check_codebook_cli(args.codebook, args.editions)
    if command == "pdf":
        from barometer.book import pdf as _pdf

        return _pdf.run(args)
    if command == "audit":
        from barometer.publishing import audit as _audit

        return _audit.run(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
