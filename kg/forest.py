"""Forest plots of hazard ratios as SVG text: one row per reported HR, log-scale axis, a line at HR = 1.

What a row is: one distinct reported hazard ratio of a trial (or study) for an endpoint, that is one
(trial, endpoint, HR, CI) of the comparison table. Publications that report the same numbers (a paper
and its restatement) make one row citing all of them; a trial that reports different HRs for the
endpoint (a primary and an updated analysis, two comparisons, two endpoints when none was asked) has
several rows, told apart by endpoint, then publication, then arm. Planned values (a design's target HR)
are never plotted, nor rows without a positive HR.

Everything is computed from the rows given: the module does not read the store, so it runs anywhere
(the API, the web page, a notebook).

>>> rows = [{"trial": "VISION", "endpoint": "rPFS", "hr": "0.4", "ci_low": "0.29", "ci_high": "0.57",
...          "ci_level": "95", "status": "reported", "publication": "demo:001", "arm": "", "p_value": "<0.001"}]
>>> [row.text for row in forest_rows(rows)]
['VISION — rPFS: HR 0.40 (0.29–0.57)']
>>> forest_svg(rows).startswith('<svg xmlns="http://www.w3.org/2000/svg"')
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from html import escape

from kg.model import arm_with_subgroup

#: The widest axis drawn: a CI end beyond it is clipped and marked with an arrow.
AXIS_LIMITS = (0.125, 8.0)

_ROW_HEIGHT = 26
_PLOT_WIDTH = 300
_MARGIN = 16
_CHAR_WIDTH = 7.0  # average advance of the 13px sans-serif labels, to size the label column
_TITLE_CHAR_WIDTH = 9.5  # the same for the 15px semibold title
_TOP = 58  # title and column heading above the first row
_BOTTOM = 58  # tick labels, axis caption and the favours-line under the axis
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class ForestRow:
    """One plotted hazard ratio: ``name`` tells it apart from the other rows of the plot."""

    name: str
    endpoint: str
    hr: str
    ci_low: str = ""
    ci_high: str = ""
    ci_level: str = ""
    p_value: str = ""
    trial: str = ""
    publications: tuple[str, ...] = ()
    arm: str = ""

    @property
    def publication(self) -> str:
        """The publications that report this HR, comma-separated."""
        return ", ".join(self.publications)

    @property
    def text(self) -> str:
        """The row's label: ``VISION — rPFS: HR 0.40 (0.29–0.57)``."""
        return self.label()

    def label(self, *, with_level: bool = False) -> str:
        """The row's label, naming the CI level (``99.2% CI 0.29–0.57``) when the plot mixes levels."""
        level = f"{self.ci_level}% CI " if with_level and self.ci_level else ""
        ci = f" ({level}{_fmt(self.ci_low)}–{_fmt(self.ci_high)})" if self.has_ci else ""
        return f"{self.name} — {self.endpoint}: HR {_fmt(self.hr)}{ci}"

    @property
    def has_ci(self) -> bool:
        return bool(self.ci_low and self.ci_high)

    @property
    def spoken(self) -> str:
        """The row as a sentence part for screen readers (CI level and p-value included)."""
        level = f"{self.ci_level}% " if self.ci_level else ""
        ci = f", {level}CI {_fmt(self.ci_low)} to {_fmt(self.ci_high)}" if self.has_ci else ", no CI reported"
        p = f", p {self.p_value.lstrip('=')}" if self.p_value else ""
        source = f" ({self.publication})" if self.publication else ""
        return f"{self.name}, {self.endpoint}: hazard ratio {_fmt(self.hr)}{ci}{p}{source}"


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value > 0 and math.isfinite(value) else None


def _fmt(text: str) -> str:
    """A ratio with at least two decimals, more when the source gave more (0.4 -> 0.40, 0.625 stays).

    >>> _fmt("0.4"), _fmt("0.625"), _fmt("1")
    ('0.40', '0.625', '1.00')
    """
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return str(value.quantize(Decimal("0.01"))) if value.as_tuple().exponent > -2 else str(value)


def forest_rows(rows: Iterable[Mapping[str, str]]) -> list[ForestRow]:
    """The plottable rows of a comparison table (evidence-table dicts), in the order their trials came."""
    merged: dict[tuple, ForestRow] = {}
    for row in rows:
        if row.get("status", "reported") != "reported" or _number(row.get("hr", "")) is None:
            continue
        low, high = row.get("ci_low", ""), row.get("ci_high", "")
        if _number(low) is None or _number(high) is None:
            low = high = ""
        # "VISION, liver metastases": a subgroup's ratio is not the trial's overall one
        name = arm_with_subgroup(row.get("trial") or row.get("arm") or row.get("publication") or "unnamed study",
                                 row.get("subgroup"))  # fmt: skip
        key = (name, row.get("endpoint", ""), row["hr"], low, high)
        publication = row.get("publication", "")
        if key in merged:  # the same numbers in another publication (or arm): one row citing them all
            known = merged[key]
            if publication and publication not in known.publications:
                merged[key] = replace(known, publications=(*known.publications, publication))
            continue
        copied = {field: row.get(field, "") for field in ("endpoint", "ci_level", "p_value", "trial", "arm")}
        publications = (publication,) if publication else ()
        merged[key] = ForestRow(name=name, hr=row["hr"], ci_low=low, ci_high=high, publications=publications, **copied)
    candidates = list(merged.values())
    order = {name: i for i, name in reversed(list(enumerate(r.name for r in candidates)))}
    candidates.sort(key=lambda r: (order[r.name], r.endpoint, r.publications, r.arm))
    return _disambiguate(candidates)


def _disambiguate(rows: list[ForestRow]) -> list[ForestRow]:
    """Add the publication, then the arm, to the names of rows that would otherwise read the same."""
    for extra in ("publication", "arm"):
        counts: dict[tuple[str, str], int] = {}
        for row in rows:
            counts[(row.name, row.endpoint)] = counts.get((row.name, row.endpoint), 0) + 1
        rows = [
            replace(row, name=f"{row.name} ({getattr(row, extra)})")
            if counts[(row.name, row.endpoint)] > 1 and getattr(row, extra)
            else row
            for row in rows
        ]
    return rows


def axis_limits(rows: Iterable[ForestRow]) -> tuple[float, float]:
    """Powers of two around every HR and CI end and 1, at least 0.5 to 2, at most :data:`AXIS_LIMITS`.

    >>> axis_limits([ForestRow(name="VISION", endpoint="OS", hr="0.62", ci_low="0.52", ci_high="0.74")])
    (0.5, 2.0)
    >>> axis_limits([ForestRow(name="X", endpoint="OS", hr="0.2", ci_low="0.01", ci_high="30")])
    (0.125, 8.0)
    """
    values = [v for r in rows for v in (_number(r.hr), _number(r.ci_low), _number(r.ci_high)) if v is not None]
    low = min([0.5, *values])
    high = max([2.0, *values])
    low = max(AXIS_LIMITS[0], 2.0 ** math.floor(math.log2(low)))
    high = min(AXIS_LIMITS[1], 2.0 ** math.ceil(math.log2(high)))
    return low, high


def _tick_label(value: float) -> str:
    return f"{value:g}"


def _plotted(rows) -> list[ForestRow]:
    rows = list(rows)
    plotted = rows if all(isinstance(r, ForestRow) for r in rows) else forest_rows(rows)
    if not plotted:
        raise ValueError("no reported hazard ratio to plot")
    return plotted


@dataclass(frozen=True)
class _Layout:
    texts: list[str]  # the row labels
    level: str  # the CI level every row shares ("95% "), or ""
    title: str
    label_width: int
    width: int
    height: int


def _layout(plotted: list[ForestRow], title: str | None) -> _Layout:
    """Where things go: the label column is as wide as the longest label, the plot as wide as its title."""
    levels = {r.ci_level for r in plotted if r.has_ci}
    mixed = len(levels) > 1
    level = f"{levels.pop()}% " if len(levels) == 1 and "" not in levels else ""
    texts = [row.label(with_level=mixed) for row in plotted]
    title = title or f"Hazard ratios with {level}confidence intervals"
    label_width = max(180, math.ceil(max(len(text) for text in texts) * _CHAR_WIDTH))
    width = max(3 * _MARGIN + label_width + _PLOT_WIDTH + 12, 2 * _MARGIN + math.ceil(len(title) * _TITLE_CHAR_WIDTH))
    height = _TOP + _ROW_HEIGHT * len(plotted) + 4 + _BOTTOM
    return _Layout(texts, level, title, label_width, width, height)


def forest_size(
    rows: Iterable[Mapping[str, str]] | Iterable[ForestRow], *, title: str | None = None
) -> tuple[int, int]:
    """The width and height in pixels of the plot :func:`forest_svg` draws for the same rows and title."""
    layout = _layout(_plotted(rows), title)
    return layout.width, layout.height


def forest_svg(
    rows: Iterable[Mapping[str, str]] | Iterable[ForestRow],
    *,
    title: str | None = None,
    limits: tuple[float, float] | None = None,
    id_prefix: str = "forest",
) -> str:
    """An accessible SVG forest plot of the hazard ratios in ``rows`` (comparison-table dicts or ForestRows).

    Raises ValueError when no row has a reported hazard ratio: an empty plot would say nothing.
    """
    plotted = _plotted(rows)
    low, high = limits or axis_limits(plotted)
    if not 0 < low < 1 < high:
        raise ValueError(f"the axis must run from below 1 to above 1, not {low}–{high}")
    layout = _layout(plotted, title)
    texts, level, title, width, height = layout.texts, layout.level, layout.title, layout.width, layout.height
    x0 = _MARGIN + layout.label_width + _MARGIN
    x1 = x0 + _PLOT_WIDTH
    top = _TOP
    axis_y = top + _ROW_HEIGHT * len(plotted) + 4

    def x(value: float) -> float:
        share = (math.log(value) - math.log(low)) / (math.log(high) - math.log(low))
        return round(x0 + share * _PLOT_WIDTH, 2)

    summary = "; ".join(r.spoken for r in plotted)
    desc = (
        f"Forest plot of {len(plotted)} hazard ratio{'s' if len(plotted) != 1 else ''} on a log scale from "
        f"{_tick_label(low)} to {_tick_label(high)}, with a line at 1 (no difference); a hazard ratio below 1 "
        f"favours the experimental arm. {summary}."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="forest-plot" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(_FONT)}" font-size="13">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{_MARGIN}" y="26" font-size="15" font-weight="600" fill="#111827">{escape(title)}</text>',
        f'<text x="{_MARGIN}" y="{top - 10}" fill="#4b5563" font-weight="600">Trial — endpoint: HR '
        f"({escape(level)}CI)</text>",
        f'<line class="no-effect" x1="{x(1.0)}" y1="{top - 6}" x2="{x(1.0)}" y2="{axis_y}" stroke="#6b7280" '
        f'stroke-dasharray="4 3"/>',
    ]
    for i, (row, text) in enumerate(zip(plotted, texts, strict=True)):
        parts.append(_row_svg(row, text, top + i * _ROW_HEIGHT + _ROW_HEIGHT / 2, x, low, high, x0, x1))
    parts.append(f'<g class="axis"><line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#111827"/>')
    tick = 2.0 ** math.ceil(math.log2(low) - 1e-9)  # ticks at powers of two, so 1 is always one of them
    while tick <= high * 1.0001:
        parts.append(
            f'<g class="tick" data-value="{_tick_label(tick)}"><line x1="{x(tick)}" y1="{axis_y}" x2="{x(tick)}" '
            f'y2="{axis_y + 5}" stroke="#111827"/><text x="{x(tick)}" y="{axis_y + 19}" text-anchor="middle" '
            f'fill="#111827">{_tick_label(tick)}</text></g>'
        )
        tick *= 2
    parts.append(
        f'<text x="{(x0 + x1) / 2}" y="{axis_y + 37}" text-anchor="middle" fill="#374151">'
        f"Hazard ratio (log scale)</text>"
        f'<text x="{x(1.0) - 6}" y="{axis_y + 52}" text-anchor="end" font-size="11" fill="#6b7280">'
        f"← favours experimental arm</text>"
        f'<text x="{x(1.0) + 6}" y="{axis_y + 52}" font-size="11" fill="#6b7280">favours control →</text></g>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _row_svg(row: ForestRow, text: str, y: float, x, low: float, high: float, x0: float, x1: float) -> str:
    """One row: its label, the CI whisker (clipped at the axis ends with an arrow) and the HR square."""
    hr = _number(row.hr)
    attrs = [f'data-label="{escape(row.name)}"', f'data-endpoint="{escape(row.endpoint)}"',
             f'data-hr="{escape(row.hr)}"']  # fmt: skip
    if row.has_ci:
        attrs += [f'data-ci-low="{escape(row.ci_low)}"', f'data-ci-high="{escape(row.ci_high)}"']
    if row.publications:
        attrs.append(f'data-publications="{escape(" ".join(row.publications))}"')
    shapes = []
    clipped = []
    if row.has_ci:
        ci_low, ci_high = _number(row.ci_low), _number(row.ci_high)
        left, right = x(max(ci_low, low)), x(min(ci_high, high))
        shapes.append(
            f'<line class="ci" x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="#1f2937" stroke-width="1.5"/>'
        )
        for end, beyond, edge, sign in (("low", ci_low < low, x0, -1), ("high", ci_high > high, x1, 1)):
            if beyond:
                clipped.append(end)
                tip = edge + 7 * sign
                shapes.append(f'<path class="clip-{end}" d="M{tip} {y} L{edge} {y - 4} L{edge} {y + 4} Z" '
                              f'fill="#1f2937"/>')  # fmt: skip
            else:
                cap = x(ci_low if end == "low" else ci_high)
                shapes.append(f'<line x1="{cap}" y1="{y - 4}" x2="{cap}" y2="{y + 4}" stroke="#1f2937"/>')
    if low <= hr <= high:
        shapes.append(f'<rect class="hr" x="{x(hr) - 4.5}" y="{y - 4.5}" width="9" height="9" fill="#1d4ed8"/>')
    else:
        clipped.append("hr")
        edge, sign = (x0, -1) if hr < low else (x1, 1)
        shapes.append(f'<path class="hr-beyond" d="M{edge + 9 * sign} {y} L{edge} {y - 5} L{edge} {y + 5} Z" '
                      f'fill="#1d4ed8"/>')  # fmt: skip
    if clipped:
        attrs.append(f'data-clipped="{" ".join(clipped)}"')
    return (
        f'<g class="forest-row" {" ".join(attrs)}><title>{escape(row.spoken)}</title>'
        f'<text x="{_MARGIN}" y="{y + 4.5}" fill="#111827">{escape(text)}</text>' + "".join(shapes) + "</g>"
    )
