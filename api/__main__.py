"""`python -m api …`: the Verbatim command line."""
from api.cli import cli

cli()
