"""Chrome-less HTML documents for iframes: a forest plot, a comparison table, a trial summary.

Each page stands alone: inline CSS, no script, no font, image or style sheet from anywhere else, so it
renders the same inside any review tool and under the strictest Content-Security-Policy. Every value
from the graph goes through :func:`html.escape`. Links (publications, downloads) open in a new tab.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from itertools import groupby

from kg.forest import ForestRow, forest_svg
from kg.model import arm_with_subgroup
from kg.ontology import load_ontology
from kg.ris import Citation

_CSS = """
*{box-sizing:border-box}
html{color:#111827;background:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
sans-serif}
body{margin:0;padding:12px 14px}
h1{font-size:17px;margin:0 0 6px}
h2{font-size:15px;margin:16px 0 6px}
figure{margin:0}
svg{max-width:100%;height:auto;display:block}
figcaption,.meta,footer{color:#4b5563;font-size:12px}
figcaption{margin-top:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}
dt{color:#4b5563}
dd{margin:0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600;white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.evidence{color:#374151;min-width:18em;font-size:12px}
td.arm{min-width:9em}
.planned{display:inline-block;padding:0 4px;border-radius:3px;background:#fef3c7;color:#92400e;font-size:11px}
a{color:#1d4ed8}
footer{margin-top:10px;border-top:1px solid #e5e7eb;padding-top:6px}
"""

#: The columns of the embedded comparison table, as (heading, evidence-table field).
COMPARE_COLUMNS = (("Trial", "trial"), ("Arm", "arm"), ("Endpoint", "endpoint"), ("Statistic", "statistic"),
                   ("Value", "value"), ("Unit", "unit"), ("HR", "hr"), ("CI", "ci"), ("p", "p_value"),
                   ("Publication", "publication"), ("Evidence", "sentence"))  # fmt: skip


@dataclass(frozen=True)
class Links:
    """Where a page's links point: the publications it cites and its own downloads."""

    citations: Mapping[str, Citation]
    base: str
    downloads: tuple[tuple[str, str], ...] = ()
    canonical: str = ""

    def publication(self, publication_id: str) -> str:
        """A link to a publication: PubMed or doi.org when known, else its record in this API."""
        citation = self.citations.get(publication_id)
        href = citation.url if citation and citation.url else f"{self.base}/publications/{publication_id}"
        title = f' title="{escape(citation.title)}"' if citation else ""
        return f'<a href="{escape(href)}"{title} target="_blank" rel="noopener">{escape(publication_id)}</a>'


def page(title: str, body: str, links: Links, *, oembed: str = "", kind: str = "") -> str:
    """A whole HTML document around ``body``: title, oEmbed discovery link, inline style, a source line."""
    discovery = (
        f'<link rel="alternate" type="application/json+oembed" href="{escape(oembed)}" title="{escape(title)}">'
        if oembed
        else ""
    )
    source = (
        f'<a href="{escape(links.canonical)}" target="_blank" rel="noopener">psma-kg</a>'
        if links.canonical
        else "psma-kg"
    )
    downloads = "".join(
        f' · <a href="{escape(href)}" target="_blank" rel="noopener">{escape(label)}</a>'
        for label, href in links.downloads
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — psma-kg</title>\n{discovery}\n<style>{_CSS}</style>\n</head>\n"
        f'<body class="embed {escape(kind)}">\n<main>\n{body}\n</main>\n'
        f"<footer>Data: {source}, a literature knowledge graph of PSMA theranostics; values as reported in the "
        f"cited abstracts{downloads}</footer>\n</body>\n</html>\n"
    )


def capitalized(label: str) -> str:
    """A label at the start of a heading: ``overall survival`` -> ``Overall survival`` (``rPFS`` stays)."""
    return label[:1].upper() + label[1:]


def _ci(row: Mapping[str, str]) -> str:
    if not (row.get("ci_low") and row.get("ci_high")):
        return ""
    level = f" ({row['ci_level']}%)" if row.get("ci_level") else ""
    return f"{row['ci_low']}–{row['ci_high']}{level}"


def _cell(row: Mapping[str, str], field: str, links: Links) -> str:
    if field == "publication":
        return f"<td>{links.publication(row['publication'])}</td>"
    if field == "sentence":
        return f'<td class="evidence">{escape(row.get("sentence", ""))}</td>'
    if field == "ci":
        return f'<td class="num">{escape(_ci(row))}</td>'
    if field == "value" and row.get("status") == "planned":
        return f'<td class="num">{escape(row.get("value", ""))} <span class="planned">planned</span></td>'
    if field == "value" and row.get("note"):  # "not reached", "patient level"
        value = row.get("value", "")
        shown = f"{value} ({row['note']})" if value else row["note"]
        return f'<td class="num">{escape(shown)}</td>'
    if field == "p_value":
        return f'<td class="num">{escape(row.get("p_value", "").removeprefix("="))}</td>'
    if field == "arm":  # with the subgroup the value is for: "177Lu-PSMA-617, liver metastases"
        return f'<td class="arm">{escape(arm_with_subgroup(row.get("arm"), row.get("subgroup")))}</td>'
    numeric = ' class="num"' if field in ("value", "hr") else ""
    return f"<td{numeric}>{escape(row.get(field, ''))}</td>"


def table(rows: Iterable[Mapping[str, str]], links: Links, columns=COMPARE_COLUMNS, caption: str = "") -> str:
    """An HTML table of evidence-table rows, one per measurement, with links and evidence sentences."""
    head = "".join(f'<th scope="col">{escape(heading)}</th>' for heading, _field in columns)
    body = "\n".join(
        "<tr>" + "".join(_cell(row, field, links) for _heading, field in columns) + "</tr>" for row in rows
    )
    caption = f'<caption class="meta">{escape(caption)}</caption>' if caption else ""
    return (
        f'<div class="scroll"><table>{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table></div>'
    )


def forest_page(
    title: str, plotted: list[ForestRow], links: Links, *, oembed: str = "", without_hr: Iterable[str] = ()
) -> str:
    """The forest plot alone, with the publications of its rows and the trials asked for that have no HR."""
    sources = ", ".join(links.publication(p) for p in dict.fromkeys(p for r in plotted for p in r.publications))
    without_hr = list(without_hr)
    if without_hr:
        sources += f". No hazard ratio reported for {escape(', '.join(without_hr))}"
    body = (
        f"<figure>{forest_svg(plotted, title=title)}<figcaption>One row per distinct reported hazard ratio (planned "
        f"values are not plotted); squares are hazard ratios, lines their confidence intervals, an arrow an "
        f"interval beyond the axis. Sources: {sources}.</figcaption></figure>"
    )
    return page(title, body, links, oembed=oembed, kind="embed-forest")


def compare_title(description: str) -> str:
    return f"Comparison: {description}"


def compare_page(title: str, rows: list[dict], links: Links, *, oembed: str = "") -> str:
    """The comparison table: one row per trial arm and endpoint, with its evidence sentence."""
    body = f"<h1>{escape(title)}</h1>\n" + table(rows, links, caption=f"{len(rows)} reported results")
    return page(title, body, links, oembed=oembed, kind="embed-compare")


_TRIAL_COLUMNS = (("Arm", "arm"), ("Statistic", "statistic"), ("Value", "value"), ("Unit", "unit"), ("HR", "hr"),
                  ("CI", "ci"), ("p", "p_value"), ("Publication", "publication"), ("Evidence", "sentence"))  # fmt: skip


def trial_title(detail: Mapping) -> str:
    return f"{detail['label']}: results by endpoint"


def trial_page(detail: Mapping, plotted: list[ForestRow], links: Links, *, oembed: str = "") -> str:
    """A trial's summary (phase, design, registrations, agents, population) and its results per endpoint."""
    title = trial_title(detail)
    facts = [
        ("Phase", detail.get("phase") or ""),
        ("Design", ", ".join(detail.get("design", ()))),
        ("Registrations", ", ".join(detail.get("registrations", ()))),
        ("Agents", ", ".join(a["label"] for a in detail.get("agents", ()))),
        ("Comparators", ", ".join(a["label"] for a in detail.get("comparators", ()))),
        ("Population", ", ".join(detail.get("populations", ()))),
        ("Publications", ", ".join(links.publication(p) for p in detail.get("publications", ()))),
    ]
    summary = "".join(
        f"<dt>{escape(name)}</dt><dd>{value if name == 'Publications' else escape(value)}</dd>"
        for name, value in facts
        if value
    )
    parts = [f"<h1>{escape(title)}</h1>", f"<dl>{summary}</dl>"]
    if plotted:
        parts.append(f"<figure>{forest_svg(plotted, title=detail['label'] + ': hazard ratios')}</figure>")
    results = sorted(detail.get("results", ()), key=lambda r: r["endpoint"].lower())
    if not results:
        parts.append('<p class="meta">No results of this trial are in the graph yet.</p>')
    for endpoint, group in groupby(results, key=lambda r: r["endpoint"]):
        group = list(group)
        section_id = "endpoint-" + "".join(c if c.isalnum() else "-" for c in endpoint)
        known = load_ontology().endpoint_by_code(endpoint)
        heading = f"{capitalized(known.label)} ({endpoint})" if known and known.label != endpoint else endpoint
        parts.append(
            f'<section aria-labelledby="{escape(section_id)}"><h2 id="{escape(section_id)}">{escape(heading)}</h2>'
            + table(group, links, columns=_TRIAL_COLUMNS)
            + "</section>"
        )
    return page(title, "\n".join(parts), links, oembed=oembed, kind="embed-trial")
