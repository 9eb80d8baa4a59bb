"""What the DOCX and RTF readers share of a table's cells."""
from __future__ import annotations


def vertical_merges_filled(rows: list[list[str]], continued: list[set[int]]) -> list[list[str]]:
    """The rows as the table means them: a cell continuing a vertical merge (its column in ``continued``, row by
    row; written empty) holds the text of the cell it continues; the columns a cell spans across stay empty (a value
    written once over several columns is no value of each)."""
    meant: list[list[str]] = []
    for row, columns in zip(rows, continued):
        above = meant[-1] if meant else []
        meant.append([above[i] if i in columns and i < len(above) else cell for i, cell in enumerate(row)])
    return meant
