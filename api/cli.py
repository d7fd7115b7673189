"""Command line: thin commands over the store and the engines."""
from __future__ import annotations

import json
import sys

import click

from api.config import settings
from api.extraction import TooManyQuotationMarks, extract_quotes


@click.group(help="Verbatim: source-linked quotes.")
def cli() -> None:
    pass


def iso_date(ctx, param, value: str | None) -> str | None:
    """Check a YYYY-MM-DD option as the API checks it: a bad date is an error, not a null."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter("must be YYYY-MM-DD") from exc


def language_tag(ctx, param, value):
    """Check a language option (or each of a repeated one) as the API checks it, giving its
    ISO 639-1 code."""
    from api.extraction.languages import language_code

    if isinstance(value, tuple):  # a repeated option
        return tuple(language_tag(ctx, param, tag) for tag in value)
    if value is None:
        return None
    if language_code(value) is None:
        raise click.BadParameter(f"{value!r} is not a language: give an ISO 639-1 code such as "
                                 "en, fr or de")
    return language_code(value)


@cli.command(help="Extract the quotes of an article (UTF-8 text file, or - for stdin) as JSON.")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--published", default=None, callback=iso_date,
              help="Publication date (YYYY-MM-DD) for relative dates.")
@click.option("--language", default=None, callback=language_tag,
              help="ISO 639-1 code of the article's language (default: read as English).")
def extract(file, published: str | None, language: str | None) -> None:
    try:
        quotes = extract_quotes(file.read(), published=published, language=language)
    except TooManyQuotationMarks as exc:
        raise click.ClickException(str(exc)) from exc
    json.dump([q.to_dict() for q in quotes], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def db_option(help_text: str):
    return click.option("--db", "db_path", default=lambda: settings()["DB"],
                        show_default="$VERBATIM_DB or data/verbatim.db", help=help_text)


def open_db(db_path: str):
    from api.db import connect, init_schema

    db = connect(db_path, int(settings()["BUSY_TIMEOUT_MS"]))
    init_schema(db)
    return db


@cli.command(help="Build the database from seeds/ (replacing the file only once it is complete).")
@click.option("--force", is_flag=True,
              help="Rebuild an existing file (refused while a server has it open).")
@db_option("SQLite file to build.")
def seed(db_path: str, force: bool) -> None:
    from api.store.errors import SeedError
    from api.store.seeds import build_database

    try:
        results = build_database(db_path, replace=force)
    except SeedError as exc:
        raise click.ClickException(exc.detail) from exc
    stored = sum(r.stored for r in results)
    click.echo(f"built {db_path}: {len(results)} sources, {stored} quotes")
    for result in results:
        for reason in result.refused:
            click.echo(f"refused a quote of {result.source_id}: {reason}", err=True)


@cli.command(help="Store an article (UTF-8 text or .html/.htm page) with its quotes.",
             epilog="A page's main article text is stored, its metadata (title, author, date, "
                    "site name as outlet, canonical URL) filling the options not given.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--outlet", default=None, help="Outlet that wrote the article, e.g. AFP "
              "(required for a text; a page's site name otherwise).")
@click.option("--published", default=None, callback=iso_date, help="Publication date, YYYY-MM-DD.")
@click.option("--publisher", default=None, help="Site that published it, if not the outlet.")
@click.option("--title", default=None, help="Headline.")
@click.option("--author", default=None, help="Byline.")
@click.option("--url", default=None, help="Address of the article.")
@click.option("--language", default=None, help="ISO 639-1 code or BCP 47 tag of its language "
              "(default: the page's <html lang>, else detected from the text).")
@db_option("SQLite file to write to.")
def ingest(file: str, db_path: str, **meta) -> None:
    import marshmallow as ma

    from api.schemas.sources import SourceCreateSchema
    from api.store.errors import StoreError
    from api.store.ingest import ingest_article
    from api.store.pages import source_input

    with open(file, encoding="utf-8") as handle:
        content = handle.read()
    field = "html" if file.lower().endswith((".html", ".htm")) else "text"
    try:  # exactly what POST /v1/sources accepts
        data = SourceCreateSchema().load({field: content, **{k: v for k, v in meta.items() if v}})
    except ma.ValidationError as exc:
        raise click.UsageError("; ".join(
            f"{'the file' if name in ('text', 'html') else '--' + name}: {' '.join(map(str, msgs))}"
            for name, msgs in exc.normalized_messages().items())) from exc
    try:
        result = ingest_article(open_db(db_path), source_input(data), actor="cli")
    except StoreError as exc:
        fields = "; ".join(f"{name} {', '.join(msgs)}" for name, msgs in exc.errors.items())
        raise click.ClickException(f"{exc.detail}: {fields}" if fields else exc.detail) from exc
    state = "stored" if result.created else "already stored"
    click.echo(f"{state} {result.source_id}: {result.stored} quotes")


# `api check` exits 0 only for a verbatim quotation, so that scripts can branch on it.
CHECK_EXIT_CODES = {"verbatim": 0, "verbatim_with_omissions": 10, "altered": 11,
                    "misattributed": 12, "not_a_quote": 13, "not_found": 14}


@cli.command(help="Check a claimed quotation against the corpus (a provenance check) as JSON.",
             epilog="Exit status: 0 verbatim, 10 verbatim_with_omissions, 11 altered, "
                    "12 misattributed, 13 not_a_quote, 14 not_found; 1 error, 2 usage.")
@click.argument("text")
@click.option("--speaker", default=None, help="Who the text is attributed to.")
@click.option("--source", "source_id", default=None, help="Only this source id.")
@db_option("SQLite file to read.")
def check(text: str, speaker: str | None, source_id: str | None, db_path: str) -> None:
    from api.schemas.provenance import CheckResultSchema
    from api.store.errors import StoreError
    from api.store.provenance import check_claim

    try:
        result = CheckResultSchema().dump(check_claim(open_db(db_path), text, speaker, source_id))
    except StoreError as exc:
        raise click.ClickException(exc.detail) from exc
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    sys.exit(CHECK_EXIT_CODES[result["verdict"]])


@cli.command(help="Write every quote (optionally filtered) as CSV or JSON lines to stdout.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--speaker", multiple=True, help="Speaker id or name; repeatable.")
@click.option("--outlet", multiple=True, help="Outlet; repeatable.")
@click.option("--kind", multiple=True, type=click.Choice(["full", "partial", "indirect"]))
@click.option("--language", multiple=True, callback=language_tag,
              help="ISO 639-1 code of the source's language; repeatable.")
@db_option("SQLite file to read.")
def export(fmt: str, speaker, outlet, kind, language, db_path: str) -> None:
    from api.formats import CSV_COLUMNS, write_csv
    from api.store.quotes import iter_quotes
    from api.store.selection import QuoteFilters

    filters = QuoteFilters(speaker=list(speaker), outlet=list(outlet), kind=list(kind),
                           language=list(language))
    rows = iter_quotes(open_db(db_path), filters)
    if fmt == "csv":
        write_csv(sys.stdout, (dict(row) for row in rows))
        return
    for row in rows:
        sys.stdout.write(json.dumps({c: row[c] for c in CSV_COLUMNS}, ensure_ascii=False) + "\n")


@cli.command("detect-languages", help="Detect the languages the stored sources lack.",
             epilog="Sources stored before schema 8, or whose detection was unsure; their "
                    "quotes take the language too.")
@db_option("SQLite file to update.")
def detect_languages(db_path: str) -> None:
    from api.store.sources import detect_missing_languages

    read_count, found = detect_missing_languages(open_db(db_path))
    click.echo(f"{read_count} sources without a language: {found} detected, "
               f"{read_count - found} left null (unsure)")


@cli.command(help="Recompute common words and shingles, merge the full-text index (after growth).")
@db_option("SQLite file to reindex.")
def reindex(db_path: str) -> None:
    import time

    from api.store.provenance_index import rebuild_index

    began = time.perf_counter()
    rebuild_index(open_db(db_path))
    click.echo(f"reindexed {db_path} in {time.perf_counter() - began:.1f} s")
