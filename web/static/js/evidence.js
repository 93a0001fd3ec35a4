// The evidence of a number: its sentence, with the span that states the row's numbers highlighted.

import { h } from "./dom.js";

const NUMBER = /\d+(?:\.\d+)?/g;

function numeric(text) {
  const match = String(text || "").match(/\d+(?:\.\d+)?/);
  return match ? Number.parseFloat(match[0]) : null;
}

/**
 * The [start, end) of the shortest stretch of `sentence` that holds every number of `row` the sentence states
 * (value, HR, CI ends, p), or null when it states none of them. Numbers compare by value, so 0.4 finds "0.40".
 */
export function supportingSpan(sentence, row) {
  const found = [...String(sentence || "").matchAll(NUMBER)].map((m) => ({
    start: m.index, end: m.index + m[0].length, value: Number.parseFloat(m[0]),
  }));
  const targets = [row.hr, row.value, row.ci_low, row.ci_high, row.p_value]
    .map(numeric)
    .filter((v) => v !== null)
    .map((v) => found.filter((n) => Math.abs(n.value - v) < 1e-9))
    .filter((candidates) => candidates.length > 0);
  if (targets.length === 0) return null;
  let best = null;
  for (const anchor of targets[0]) {
    let start = anchor.start;
    let end = anchor.end;
    for (const candidates of targets.slice(1)) {
      const nearest = candidates.reduce((a, b) =>
        Math.abs(b.start - anchor.start) < Math.abs(a.start - anchor.start) ? b : a);
      start = Math.min(start, nearest.start);
      end = Math.max(end, nearest.end);
    }
    if (!best || end - start < best[1] - best[0]) best = [start, end];
  }
  const text = sentence;
  // Take in what reads as part of the numbers: a p-value's "P<" or "P =" before, a "%" after.
  const before = text.slice(0, best[0]).match(/(?:\bP\s*[<>=≤≥]\s*|[<>≤≥]\s*)$/i);
  if (before) best[0] -= before[0].length;
  const after = text.slice(best[1]).match(/^\s?%/);
  if (after) best[1] += after[0].length;
  // close a bracket opened inside the span ("(95% CI, 0.52 to 0.74)"), not one opened before it
  const inside = text.slice(best[0], best[1]);
  if ((inside.match(/\(/g) || []).length > (inside.match(/\)/g) || []).length && text[best[1]] === ")") best[1] += 1;
  return best;
}

/** A blockquote of the sentence with the supporting span in <mark>, and where it was read. */
export function evidenceQuote(row) {
  if (!row.sentence) return h("p", { class: "muted" }, "No sentence stored for this number.");
  const span = supportingSpan(row.sentence, row);
  const text = span
    ? [row.sentence.slice(0, span[0]), h("mark", {}, row.sentence.slice(span[0], span[1])), row.sentence.slice(span[1])]
    : [row.sentence];
  const where = row.start && row.end ? `, characters ${row.start}–${row.end}` : "";
  return h("figure", { class: "evidence" },
    h("blockquote", {}, h("p", {}, text)),
    h("figcaption", {}, "Read in ", publicationLink(row.publication), where));
}

/** A link to the page of a publication (by document id). */
export function publicationLink(id) {
  return h("a", { href: `#/publication/${encodeURIComponent(id)}`, class: "publication-link" }, id);
}
