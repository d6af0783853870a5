"""Tables of `pmg catalog`: drawn with rich on a terminal, plain aligned text otherwise.

Piped into a file or another program there is no terminal width to fit, so nothing is wrapped
or cut: every id and name arrives whole, one row per line.
"""

from __future__ import annotations

import sys

import click


def print_listing(listing) -> None:
    if sys.stdout.isatty():
        _rich(listing)
    else:
        click.echo(plain(listing))


def plain(listing) -> str:
    """The listing as its title, then the columns aligned with two spaces between them."""
    rows = [listing.columns, *listing.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(listing.columns) - 1)]
    lines = [listing.title]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _rich(listing) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=listing.title, title_justify="left", title_style="bold")
    for column in listing.columns:
        # Ids are what the reader copies: never broken across lines.
        table.add_column(column, no_wrap=column == "id")
    for row in listing.rows:
        table.add_row(*(Text(value) for value in row))  # Text: catalog words are not markup
    Console(highlight=False).print(table)
