"""Command line: thin commands over the store and the engines."""
from __future__ import annotations

import json
import sys

import click

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
