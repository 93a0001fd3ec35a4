// The neighbourhood of an entity as an interactive graph (cytoscape): zoom, pan, click a node to open its page.

import { getJSON } from "../api.js";
import { h, replace } from "../dom.js";
import { entityHref } from "../format.js";

const COLOURS = { agent: "#1f77b4", trial: "#d95f02", endpoint: "#1b9e77" };
const START = [["trial:VISION", "VISION"], ["trial:TheraP", "TheraP"], ["agent:lu177-psma-617", "177Lu-PSMA-617"],
  ["agent:ac225-psma-617", "225Ac-PSMA-617"], ["endpoint:OS", "overall survival"]];

function pageOf(node) {
  return node.kind === "endpoint" ? `#/graph/${encodeURIComponent(node.id)}` : entityHref(node.id, node.kind);
}

export async function renderGraph(view, id, params) {
  if (!id) {
    replace(view, h("h1", {}, "Graph"),
      h("p", {}, "The neighbourhood of an agent, trial or endpoint: who studied what, and which endpoints were ",
        "reported. Search above for any entity, or start from one of these:"),
      h("ul", { class: "chips" }, START.map(([curie, label]) => h("li", {},
        h("a", { href: `#/graph/${encodeURIComponent(curie)}` }, label)))));
    return null;
  }
  const radius = Number(params.get("radius") || 1);
  const data = await getJSON(`/graph/neighbourhood/${encodeURIComponent(id)}`, { radius });
  const center = data.nodes.find((n) => n.id === data.center) || { label: id };
  const canvas = h("div", { id: "graph-canvas", class: "graph-canvas", role: "img",
    "aria-label": `Graph of ${center.label} and ${data.nodes.length - 1} linked entities; the same links are listed below.`,
    "data-nodes": data.nodes.length, "data-edges": data.edges.length });
  const zoom = (factor) => () => {
    const cy = canvas.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const radiusSelect = h("select", { id: "graph-radius", onchange: (event) => {
    location.hash = `#/graph/${encodeURIComponent(id)}?radius=${event.target.value}`;
  } }, [1, 2, 3].map((r) => h("option", { value: r, selected: r === radius }, `${r} hop${r > 1 ? "s" : ""}`)));
  const byKind = (kind) => data.nodes.filter((n) => n.kind === kind && n.id !== data.center);
  replace(view,
    h("p", { class: "kicker" }, "Graph"),
    h("h1", {}, `Neighbourhood of ${center.label}`),
    h("div", { class: "graph-toolbar", role: "toolbar", "aria-label": "Graph controls" },
      h("label", { for: "graph-radius" }, "Reach "), radiusSelect,
      h("button", { type: "button", onclick: zoom(1.25), "aria-label": "Zoom in" }, "+"),
      h("button", { type: "button", onclick: zoom(0.8), "aria-label": "Zoom out" }, "−"),
      h("button", { type: "button", onclick: () => canvas.cy.fit(undefined, 30) }, "Fit"),
      h("a", { href: pageOf(center.kind ? center : { id, kind: "" }), class: "button" }, `Open ${center.label}`),
      h("span", { class: "legend" }, Object.entries(COLOURS).map(([kind, colour]) => h("span", { class: "legend-item" },
        h("span", { class: "swatch", style: `background:${colour}` }), kind)))),
    canvas,
    h("p", { class: "hint" }, "Scroll or pinch to zoom, drag to pan, click a node to open its page."),
    h("section", { "aria-labelledby": "graph-list" },
      h("h2", { id: "graph-list" }, "Linked entities"),
      ["agent", "trial", "endpoint"].map((kind) => byKind(kind).length ? h("div", { class: "group" },
        h("h3", {}, `${kind[0].toUpperCase()}${kind.slice(1)}s`),
        h("ul", { class: "chips" }, byKind(kind).map((n) => h("li", {}, h("a", { href: pageOf(n) }, n.label))))) : null)));
  const distance = new Map([[data.center, 0]]);
  for (let step = 1; step <= radius; step++) {
    for (const e of data.edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
        if (distance.get(a) === step - 1 && !distance.has(b)) distance.set(b, step);
      }
    }
  }
  const cy = window.cytoscape({
    container: canvas,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, href: pageOf(n) } })),
      ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target,
        weight: e.publications.length } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "background-color": (n) => COLOURS[n.data("kind")] || "#777",
        color: "#1a1a1a", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom",
        "text-margin-y": 4, width: 22, height: 22, "text-background-color": "#fbfcfd", "text-background-opacity": 0.85,
        "text-background-padding": 1 } },
      { selector: `node[id = "${data.center.replace(/"/g, '\\"')}"]`, style: { width: 34, height: 34, "font-weight": "bold",
        "border-width": 3, "border-color": "#222" } },
      { selector: "edge", style: { width: (e) => 1 + Math.min(5, e.data("weight")), "line-color": "#b8c2cc",
        "curve-style": "bezier" } },
    ],
    layout: { name: "concentric", concentric: (n) => radius + 1 - (distance.get(n.id()) ?? radius), levelWidth: () => 1,
      minNodeSpacing: 30, padding: 30, animate: false },
    minZoom: 0.2,
    maxZoom: 4,
  });
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3); // a small neighbourhood is fitted at a zoom that makes labels shout
    cy.center();
  }
  cy.on("tap", "node", (event) => { location.hash = event.target.data("href"); });
  cy.on("mouseover", "node", () => { canvas.style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { canvas.style.cursor = ""; });
  canvas.cy = cy;
  return () => cy.destroy();
}
