"""Command line: thin commands over the store and the engines."""
from __future__ import annotations

import json
import os
import sys

import click

from api import config
from api.extraction import extract_quotes


@click.group(help="Verbatim: source-linked quotes.")
def cli() -> None:
    pass


@cli.command(help="Extract the quotes of an article (UTF-8 text file, or - for stdin) as JSON.")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for relative dates.")
def extract(file, published: str | None) -> None:
    quotes = extract_quotes(file.read(), published=published)
    json.dump([q.to_dict() for q in quotes], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def db_option(help_text: str):
    return click.option("--db", "db_path", default=lambda: os.environ.get("VERBATIM_DB", config.DB),
                        show_default="$VERBATIM_DB or data/verbatim.db", help=help_text)


def open_db(db_path: str):
    from api.db import connect, init_schema

    db = connect(db_path)
    init_schema(db)
    return db


@cli.command(help="Build the database from seeds/ (replacing the file only once it is complete).")
@db_option("SQLite file to build.")
def seed(db_path: str) -> None:
    from api.store.errors import SeedError
    from api.store.seeds import build_database

    try:
        results = build_database(db_path)
    except SeedError as exc:
        raise click.ClickException(exc.detail) from exc
    stored = sum(r.stored for r in results)
    click.echo(f"built {db_path}: {len(results)} sources, {stored} quotes")
    for result in results:
        for reason in result.refused:
            click.echo(f"refused a quote of {result.source_id}: {reason}", err=True)


@cli.command(help="Store an article (UTF-8 text file) with the quotes extracted from it.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--outlet", required=True, help="Outlet that wrote the article, e.g. AFP.")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD.")
@click.option("--publisher", default=None, help="Site that published it, if not the outlet.")
@click.option("--title", default=None, help="Headline.")
@click.option("--author", default=None, help="Byline.")
@click.option("--url", default=None, help="Address of the article.")
@db_option("SQLite file to write to.")
def ingest(file: str, db_path: str, **meta) -> None:
    from datetime import date

    from api.store.ingest import SourceInput, ingest_article

    if meta["published"]:
        try:
            date.fromisoformat(meta["published"])
        except ValueError as exc:
            raise click.BadParameter("must be YYYY-MM-DD", param_hint="--published") from exc
    with open(file, encoding="utf-8") as handle:
        text = handle.read()
    if not text:
        raise click.ClickException(f"{file} is empty")
    result = ingest_article(open_db(db_path), SourceInput(text=text, **meta), actor="cli")
    state = "stored" if result.created else "already stored"
    click.echo(f"{state} {result.source_id}: {result.stored} quotes")
