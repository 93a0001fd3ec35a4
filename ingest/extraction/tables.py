"""Tables pasted into an abstract as text: lines of cells split by "|" or by tabs, the first line naming the columns.

    Outcome | 177Lu-PSMA-617 | Cabazitaxel | Comparison
    PSA50 response | 66% | 37% | p<0.0001

A table is two or more lines in a row, each with the same number (three or more) of cells split by the same mark;
a line split by "|" may also start and end with one. A table copied from a PDF keeps its columns apart by runs of
spaces instead; such a line is a row only when each of its cells is short and it does not end as a sentence does
(prose pasted with double spaces is no table). Offsets are those of the text, so every cell keeps its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The marks that split cells, and the cell count below which a line is no table row ("Staff writer | 14 March").
SEPARATORS = ("|", "\t")
MIN_CELLS = 3


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a table under the table's first row, which names its columns."""

    cells: tuple[Cell, ...]
    header: tuple[Cell, ...]
    #: The line right above the first row, when it is no row: the table's title ("Adverse events, n (%):").
    caption: str = ""

    @property
    def start(self) -> int:
        return self.cells[0].start


#: Columns kept apart by a run of two or more spaces, and the longest cell such a row may have.
_SPACES = re.compile(r" {2,}")
_LONGEST_SPACED_CELL = 40


def is_table_line(line: str) -> bool:
    """True for a line split into cells by "|", tabs or runs of spaces (one that sentence rules must not join to the
    next line)."""
    return any(line.count(mark) >= MIN_CELLS - 1 for mark in SEPARATORS) or bool(_spaced_cells(line, 0))


def table_rows(text: str) -> list[TableRow]:
    """The rows of every table in ``text`` (its first rows, which name the columns, left out), in order.

    >>> rows = table_rows("Results\\nArm | A | B\\nORR | 40% | 20%\\nEnd.")
    >>> [[cell.text for cell in row.cells] for row in rows], [cell.text for cell in rows[0].header]
    ([['ORR', '40%', '20%']], ['Arm', 'A', 'B'])
    """
    if not any(mark in text for mark in SEPARATORS) and "  " not in text:
        return []
    rows: list[TableRow] = []
    header: tuple[Cell, ...] | None = None
    header_mark = caption = previous = ""
    start = 0
    for line in text.split("\n"):
        mark, cells = _cells(line, start)
        if cells and header is not None and mark == header_mark and len(cells) == len(header):
            rows.append(TableRow(cells, header, caption))
        elif cells:
            header, header_mark, caption = cells, mark, previous
        else:
            header = None
        if cells or line.strip():  # (a blank line between a title and its table leaves the title the caption)
            previous = "" if cells else line
        start += len(line) + 1
    return rows


def _cells(line: str, offset: int) -> tuple[str, tuple[Cell, ...]]:
    """The mark that splits ``line`` and its cells (stripped, with offsets in the text), or ("", ()) for no row."""
    mark = next((mark for mark in SEPARATORS if line.count(mark) >= MIN_CELLS - 1), "")
    if not mark:
        spaced = _spaced_cells(line, offset)
        return ("  ", spaced) if spaced else ("", ())
    cells = []
    at = 0
    for part in line.split(mark):
        stripped = part.strip()
        begin = at + (part.index(stripped) if stripped else 0)
        cells.append(Cell(offset + begin, offset + begin + len(stripped), stripped))
        at += len(part) + 1
    if mark == "|":  # "| a | b |": the marks that open and close the row make no cells
        if not cells[0].text:
            cells.pop(0)
        if cells and not cells[-1].text:
            cells.pop()
    return (mark, tuple(cells)) if len(cells) >= MIN_CELLS else ("", ())


_DASHES = re.compile(r"^[-–—]+$")


def is_empty(cell: Cell) -> bool:
    """A cell that holds nothing: blank or a dash."""
    return not cell.text or bool(_DASHES.match(cell.text))


def _spaced_cells(line: str, offset: int) -> tuple[Cell, ...]:
    """The cells of a row whose columns runs of spaces keep apart, or () for a line that is no such row.

    >>> [cell.text for cell in _spaced_cells("Prostate bed      31 (29.8%)      22 (21.2%)", 0)]
    ['Prostate bed', '31 (29.8%)', '22 (21.2%)']
    >>> _spaced_cells("Median OS was 15.3 months.  The HR was 0.62.  Grade 3 events were rare.", 0)
    ()
    """
    if "  " not in line or line.rstrip().endswith((".", ";")):
        return ()
    at = len(line) - len(line.lstrip())
    # a heading row indented past the first column's width has an empty first cell: "          DL1 (n=6)    DL2 (n=12)"
    cells = [Cell(offset, offset, "")] if at >= 2 else []
    for gap in [*_SPACES.finditer(line, at), None]:
        end = gap.start() if gap is not None else len(line.rstrip())
        if end > at:
            cells.append(Cell(offset + at, offset + end, line[at:end]))
        if gap is not None:
            at = gap.end()
    if len(cells) < MIN_CELLS or any(len(cell.text) > _LONGEST_SPACED_CELL for cell in cells):
        return ()
    return tuple(cells)
