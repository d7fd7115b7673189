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


@cli.command(help="Build the database from seeds/ (replacing the file only once it is complete).")
@click.option("--db", "db_path", default=lambda: os.environ.get("VERBATIM_DB", config.DB),
              show_default="$VERBATIM_DB or data/verbatim.db", help="SQLite file to build.")
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
