// A forest plot of hazard ratios drawn in the browser, for a server without /forest.svg: the same shape as
// kg/forest.py draws (svg.forest-plot, log scale, one g.forest-row per row with data-label, data-endpoint,
// data-hr, data-ci-low, data-ci-high, data-publications).

import { ratio } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 26;
const PLOT = 300;
const MARGIN = 16;
const LIMITS = [0.125, 8];

function positive(text) {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The plottable rows, as kg/forest.py makes them: one per distinct (trial, endpoint, HR, CI), reported and with a
 * positive HR, citing every publication that states those numbers; rows that would read the same get the
 * publication, then the arm, in their names.
 */
export function forestRows(rows) {
  const merged = new Map();
  for (const row of rows) {
    if ((row.status || "reported") !== "reported" || positive(row.hr) === null) continue;
    let low = row.ci_low;
    let high = row.ci_high;
    if (positive(low) === null || positive(high) === null) low = high = "";
    let name = row.trial || row.arm || row.publication || "unnamed study";
    if (row.subgroup) name = `${name}, ${row.subgroup}`; // not the trial's overall ratio
    const key = [name, row.endpoint, row.hr, low, high].join("|");
    const known = merged.get(key);
    if (known) {
      if (row.publication && !known.publications.includes(row.publication)) known.publications.push(row.publication);
      continue;
    }
    merged.set(key, { name, endpoint: row.endpoint || "", hr: row.hr, ci_low: low, ci_high: high,
      ci_level: row.ci_level || "", p_value: row.p_value || "", trial: row.trial || "", arm: row.arm || "",
      publications: row.publication ? [row.publication] : [] });
  }
  const out = [...merged.values()];
  const order = new Map();
  out.forEach((r, i) => { if (!order.has(r.name)) order.set(r.name, i); });
  out.sort((a, b) => order.get(a.name) - order.get(b.name) || a.endpoint.localeCompare(b.endpoint) ||
    a.publications.join(" ").localeCompare(b.publications.join(" ")) || a.arm.localeCompare(b.arm));
  for (const extra of ["publication", "arm"]) {
    const counts = new Map();
    for (const r of out) counts.set(`${r.name}|${r.endpoint}`, (counts.get(`${r.name}|${r.endpoint}`) || 0) + 1);
    for (const r of out) {
      const value = extra === "publication" ? r.publications.join(", ") : r.arm;
      if (counts.get(`${r.name}|${r.endpoint}`) > 1 && value) r.name = `${r.name} (${value})`;
    }
  }
  return out;
}

function el(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  return node;
}

function rowText(r) {
  const ci = r.ci_low ? ` (${ratio(r.ci_low)}–${ratio(r.ci_high)})` : "";
  return `${r.name} — ${r.endpoint}: HR ${ratio(r.hr)}${ci}`;
}

/** An SVG element of the hazard ratios in `rows` (comparison-table rows), or null when none has one. */
export function forestSvg(rows, idPrefix = "forest") {
  const plotted = forestRows(rows);
  if (plotted.length === 0) return null;
  const values = plotted.flatMap((r) => [r.hr, r.ci_low, r.ci_high]).map(positive).filter((v) => v !== null);
  const low = Math.max(LIMITS[0], 2 ** Math.floor(Math.log2(Math.min(0.5, ...values))));
  const high = Math.min(LIMITS[1], 2 ** Math.ceil(Math.log2(Math.max(2, ...values))));
  const labelWidth = Math.max(180, Math.ceil(Math.max(...plotted.map((r) => rowText(r).length)) * 7));
  const x0 = MARGIN + labelWidth + MARGIN;
  const x1 = x0 + PLOT;
  const width = x1 + MARGIN + 12;
  const top = 58;
  const axisY = top + ROW * plotted.length + 4;
  const height = axisY + 58;
  const x = (v) => {
    const clipped = Math.min(high, Math.max(low, v));
    return +(x0 + ((Math.log(clipped) - Math.log(low)) / (Math.log(high) - Math.log(low))) * PLOT).toFixed(2);
  };
  const levels = new Set(plotted.filter((r) => r.ci_low).map((r) => r.ci_level || ""));
  const level = levels.size === 1 && !levels.has("") ? `${[...levels][0]}% ` : "";
  const svg = el("svg", {
    xmlns: SVG, class: "forest-plot", role: "img", "aria-labelledby": `${idPrefix}-title ${idPrefix}-desc`,
    width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif", "font-size": 13,
  });
  const title = `Hazard ratios with ${level}confidence intervals`;
  const spoken = plotted.map((r) => `${r.name}, ${r.endpoint}: hazard ratio ${ratio(r.hr)}` +
    (r.ci_low ? `, CI ${ratio(r.ci_low)} to ${ratio(r.ci_high)}` : ", no CI reported")).join("; ");
  svg.append(el("title", { id: `${idPrefix}-title` }, title));
  svg.append(el("desc", { id: `${idPrefix}-desc` },
    `Forest plot of ${plotted.length} hazard ratio${plotted.length === 1 ? "" : "s"} on a log scale from ${low} to ` +
    `${high}, with a line at 1 (no difference); below 1 favours the experimental arm. ${spoken}.`));
  svg.append(el("rect", { width, height, fill: "#ffffff" }));
  svg.append(el("text", { x: MARGIN, y: 24, "font-weight": "bold", "font-size": 15, fill: "#1a1a1a" }, title));
  svg.append(el("text", { x: x0, y: top - 10, fill: "#555" }, "log scale"));
  // grid and axis
  const axis = el("g", { class: "forest-axis" });
  for (let tick = low; tick <= high * 1.0001; tick *= 2) {
    axis.append(el("line", { x1: x(tick), x2: x(tick), y1: top - 4, y2: axisY, stroke: tick === 1 ? "#333" : "#ddd",
      "stroke-dasharray": tick === 1 ? "4 3" : "0" }));
    axis.append(el("line", { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 5, stroke: "#333" }));
    axis.append(el("text", { x: x(tick), y: axisY + 19, "text-anchor": "middle", fill: "#333" }, `${tick}`));
  }
  axis.append(el("line", { x1: x0, x2: x1, y1: axisY, y2: axisY, stroke: "#333" }));
  axis.append(el("text", { x: x(1) - 6, y: axisY + 40, "text-anchor": "end", fill: "#555" }, "← favours experimental"));
  axis.append(el("text", { x: x(1) + 6, y: axisY + 40, fill: "#555" }, "favours control →"));
  svg.append(axis);
  plotted.forEach((r, i) => {
    const y = top + ROW * i + ROW / 2;
    const g = el("g", {
      class: "forest-row", "data-label": r.name, "data-endpoint": r.endpoint, "data-hr": r.hr, "data-ci-low": r.ci_low,
      "data-ci-high": r.ci_high, "data-publications": r.publications.join(" "),
    });
    g.append(el("title", {}, rowText(r)));
    if (i % 2 === 0) g.append(el("rect", { x: MARGIN / 2, y: y - ROW / 2, width: width - MARGIN, height: ROW, fill: "#f4f6f8" }));
    g.append(el("text", { x: MARGIN, y: y + 4, fill: "#1a1a1a" }, rowText(r)));
    if (r.ci_low) {
      g.append(el("line", { x1: x(positive(r.ci_low)), x2: x(positive(r.ci_high)), y1: y, y2: y, stroke: "#1f4e79",
        "stroke-width": 2 }));
    }
    const cx = x(positive(r.hr));
    g.append(el("rect", { x: cx - 5, y: y - 5, width: 10, height: 10, fill: "#1f4e79" }));
    svg.append(g);
  });
  return svg;
}
