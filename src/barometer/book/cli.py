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
import re
import sys
from pathlib import Path

from barometer.book import build as _build
from barometer.data import paths

__all__ = ["main"]


#: argparse's own messages (Python 3.11 wording) and their Dutch text. argparse writes them
#: with ``%s``/``%r``/``%(name)s`` placeholders; :func:`dutch_message` matches a finished
#: message against each template and puts the same values into the Dutch one. A message
#: of the form "argument X: message" is translated on both levels.
_MESSAGES: dict[str, str] = {
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "de volgende argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s verwacht): %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (keuzes: %(choices)s)",
    "cannot have multiple subparser arguments": "er kan maar één opdracht zijn",
}

#: Names of argument types as argparse reports them ("invalid int value") and in Dutch.
_TYPES = {"int": "een geheel getal", "float": "een getal", "Path": "een pad", "str": "tekst"}

#: Placeholder names of :data:`_MESSAGES` of a value that is itself a message.
_NESTED = {"message"}

#: Dutch metavariables of the options (argparse's default is the option's name in capitals).
_METAVARS = {
    "year": "JAAR", "data": "BESTAND", "out": "MAP", "jobs": "AANTAL", "min_base": "AANTAL",
    "editions": "BESTAND", "cache_dir": "MAP", "project": "MAP", "port": "POORT", "dir": "MAP",
    "codebook": "BESTAND", "notebooks": "NOTEBOOK",
}


def _template_regex(template: str) -> re.Pattern[str]:
    """A regular expression matching a message made from an argparse ``template``."""
    parts, names, pos = [], [], 0
    for m in re.finditer(r"%(?:\((\w+)\))?([sr])", template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1) or f"_{len(names)}"
        names.append(name)
        parts.append(f"(?P<{name}>.*?)")
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


_COMPILED = [(_template_regex(en), nl) for en, nl in _MESSAGES.items()]


def dutch_message(message: str) -> str:
    """The Dutch text of an argparse error ``message`` (unchanged when it is not argparse's)."""
    for regex, dutch in _COMPILED:
        m = regex.match(message)
        if not m:
            continue
        values = m.groupdict()
        if "type" in values:
            values["type"] = _TYPES.get(values["type"], values["type"])
        for name in _NESTED & set(values):
            values[name] = dutch_message(values[name])
        positional = [values[k] for k in sorted(k for k in values if k.startswith("_"))]
        text = dutch
        if positional:
            text = text % tuple(positional)
        return re.sub(r"%\((\w+)\)[sr]", lambda g: values[g.group(1)], text)
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with Dutch words: "gebruik:" and Dutch metavariables."""

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return _METAVARS.get(action.dest, action.dest.upper())

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        return _METAVARS.get(action.dest, action.dest)


class DutchArgumentParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that speaks Dutch: its help option, group titles,
    usage line and error messages (see :func:`dutch_message`). Subcommands created with
    ``add_subparsers().add_parser`` are of the same class, so they speak Dutch as well."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - argparse's signature
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "positionele argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="toon deze hulptekst en stop")

    def error(self, message: str):  # noqa: ANN201 - never returns
        """Print the usage and the Dutch message to stderr and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch_message(message)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="barometer",
        description="Bouw het boek Innovatie Barometer Overheid.",
    )
    sub = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT")

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
    e.add_argument("--jobs", type=int, default=2,
                   help="aantal hoofdstukken dat tegelijk wordt uitgevoerd (standaard: %(default)s)")

    s = sub.add_parser("serve", help="serveer de gebouwde HTML van een editie op localhost")
    s.add_argument("--year", type=int, default=None,
                   help="editie (standaard: het nieuwste jaar van het edities-bestand)")
    s.add_argument("--port", type=int, default=8000, help="poort (standaard: %(default)s)")
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
