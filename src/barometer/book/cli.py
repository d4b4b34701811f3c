"""Command line of the project.

``barometer build``
    validate the data, execute every chapter, render the book (see :mod:`barometer.book.build`);
    ``barometer`` alone builds the 2025 edition on the shipped data.
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
        description="Build the Innovatie Barometer Overheid book.",
    )
    sub = parser.add_subparsers(dest="command")

    b = sub.add_parser(
        "build",
        help="validate the data, execute every chapter, render the book (default: 2025)",
        description="Validate the respondent file, execute every chapter in _toc.yml with "
        "papermill, render with jupyter-book (warnings are errors) and move the HTML into "
        "place. A failed build leaves the previous HTML untouched. Chapters whose inputs "
        "did not change are taken from the cache (_build/cache); a new year needs an entry "
        "in the editions file.",
    )
    b.add_argument("--year", type=int, default=_build.DEFAULT_YEAR,
                   help="measurement year of the edition (default: %(default)s)")
    b.add_argument("--data", type=Path, default=None,
                   help="respondent file (.csv, .parquet, .sav); default: "
                        "data/respondents-<year>*.* of the repository")
    b.add_argument("--out", type=Path, default=None,
                   help="folder for the finished HTML (default: _build/html/<year>)")
    b.add_argument("--jobs", type=int, default=2,
                   help="chapters executed at the same time (default: %(default)s)")
    b.add_argument("--compare", type=int, action="append", default=None, metavar="YEAR",
                   help="comparison year (repeatable; default: every earlier edition)")
    b.add_argument("--min-base", type=int, default=_build.DEFAULT_MIN_BASE,
                   help="smallest group shown with a figure (default: %(default)s)")
    b.add_argument("--editions", type=Path, default=None,
                   help="editions file to use instead of data/editions.yaml "
                        "(default: $BAROMETER_EDITIONS if set)")
    b.add_argument("--cache-dir", type=Path, default=None,
                   help="cache of executed chapters (default: _build/cache)")
    b.add_argument("--no-cache", action="store_true",
                   help="execute every chapter and render again, even if nothing changed")
    b.add_argument("--project", type=Path, default=None, help=argparse.SUPPRESS)

    e = sub.add_parser(
        "execute",
        help="re-execute chapters in place with their default parameters (before a commit)",
    )
    e.add_argument("notebooks", nargs="*", type=Path,
                   help="chapter notebooks (default: every notebook in _toc.yml)")
    e.add_argument("--jobs", type=int, default=2)

    s = sub.add_parser("serve", help="serve the built HTML of an edition on localhost")
    s.add_argument("--year", type=int, default=_build.DEFAULT_YEAR)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--dir", type=Path, default=None, help="HTML folder (default: _build/html/<year>)")

    c = sub.add_parser(
        "check-codebook",
        help="check data/codebook.yaml and data/editions.yaml (every problem, with its line)",
    )
    c.add_argument("--codebook", type=Path, default=None,
                   help="codebook to check (default: data/codebook.yaml)")
    c.add_argument("--editions", type=Path, default=None,
                   help="editions file (default: $BAROMETER_EDITIONS, else data/editions.yaml)")

    from barometer.book import pdf as _pdf

    _pdf.add_parser(sub)
    from barometer.publishing import audit as _audit

    _audit.add_parser(sub)
    return parser


def _serve(directory: Path, port: int) -> int:
    import functools
    import http.server

    if not (directory / "index.html").is_file():
        print(f"No built book in {directory}: run `barometer build` first.", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {directory} at http://127.0.0.1:{port}/ (Ctrl+C stops)")
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
            print(f"\nBUILD FAILED\n{exc}", file=sys.stderr)
            return 1
        return 0
    if command == "execute":
        failures = _build.execute_in_place(args.notebooks, jobs=args.jobs)
        for failure in failures:
            print(failure.describe(), file=sys.stderr)
        return 1 if failures else 0
    if command == "serve":
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
