// Compare trials or agents on one endpoint: a table and a forest plot of hazard ratios, both downloadable.

import { getJSON, getText, routes, url } from "../api.js";
import { announce, download, h, replace } from "../dom.js";
import { evidenceQuote, publicationLink } from "../evidence.js";
import { forestRows, forestSvg } from "../forest.js";
import { armWithSubgroup, pValue, ratioWithCI, statisticName, valueWithUnit } from "../format.js";

function checkboxGrid(name, legend, items, chosen) {
  return h("fieldset", { class: "choices" },
    h("legend", {}, legend),
    h("div", { class: "choice-grid" }, items.map((item) => h("label", { class: "choice" },
      h("input", { type: "checkbox", name, value: item.label, checked: chosen.has(item.label) }),
      " ", item.label))));
}

function form(trials, agents, endpoints, params) {
  const by = params.get("agents") ? "agents" : "trials";
  const chosen = new Set((params.get(by) || "").split(",").filter(Boolean));
  const endpoint = params.get("endpoint") || "OS";
  const trialBox = checkboxGrid("trials", "Trials", trials, by === "trials" ? chosen : new Set());
  const agentBox = checkboxGrid("agents", "Agents", agents, by === "agents" ? chosen : new Set());
  agentBox.hidden = by !== "agents";
  trialBox.hidden = by !== "trials";
  const radio = (value, text) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "by", value, checked: by === value,
      onchange: () => { trialBox.hidden = value !== "trials"; agentBox.hidden = value !== "agents"; } }), ` ${text}`);
  const select = h("select", { id: "compare-endpoint", name: "endpoint" }, endpoints.map((e) =>
    h("option", { value: e.code, selected: e.code === endpoint }, `${e.code} — ${e.label}`)));
  const submit = (event) => {
    event.preventDefault();
    const mode = event.target.querySelector("input[name=by]:checked").value;
    const names = [...event.target.querySelectorAll(`input[name=${mode}]:checked`)].map((i) => i.value);
    if (names.length === 0) {
      announce(`Choose at least one of the ${mode}.`);
      replace(event.target.querySelector(".form-error"), `Choose at least one of the ${mode}.`);
      return;
    }
    location.hash = `#/compare?${mode}=${names.map(encodeURIComponent).join(",")}&endpoint=${encodeURIComponent(select.value)}`;
  };
  return h("form", { class: "compare-form", onsubmit: submit, "aria-label": "What to compare" },
    h("fieldset", { class: "inline" }, h("legend", {}, "Compare"), radio("trials", "trials"), radio("agents", "agents")),
    trialBox, agentBox,
    h("p", {}, h("label", { for: "compare-endpoint" }, "Endpoint "), select),
    h("p", { class: "form-error", role: "alert" }),
    h("button", { type: "submit" }, "Compare"));
}

function table(rows) {
  const columns = ["Trial", "Arm", "Endpoint", "Statistic", "Value", "HR (CI)", "p", "Evidence"];
  return h("div", { class: "table-scroll", role: "region", "aria-label": "Comparison table", tabindex: "0" },
    h("table", { class: "compare-table stack" },
      h("caption", {}, "One row per trial arm and publication"),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((r) => h("tr", {},
        h("th", { scope: "row", "data-label": "Trial" },
          r.trial ? h("a", { href: `#/trial/${encodeURIComponent(r.trial)}` }, r.trial) : "—"),
        h("td", { "data-label": "Arm" }, armWithSubgroup(r)),
        h("td", { "data-label": "Endpoint" }, r.endpoint),
        h("td", { "data-label": "Statistic" }, statisticName(r.statistic)),
        h("td", { class: "num", "data-label": "Value" }, valueWithUnit(r)),
        h("td", { class: "num", "data-label": "HR (CI)" }, ratioWithCI(r)),
        h("td", { class: "num", "data-label": "p" }, pValue(r.p_value)),
        h("td", { class: "evidence-cell", "data-label": "Evidence" }, h("div", {},
          h("details", {}, h("summary", {}, "Sentence"), evidenceQuote(r)), publicationLink(r.publication))))))));
}

/** The PNG of an SVG element, drawn on a canvas at twice its size. */
function svgToPng(svg) {
  const text = new XMLSerializer().serializeToString(svg);
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d");
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))), "image/png");
    };
    image.onerror = () => reject(new Error("the SVG could not be drawn"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

async function forestFigure(rows, query) {
  if (forestRows(rows).length === 0) {
    return h("p", { class: "muted", id: "forest-empty" }, "No hazard ratio is reported for this choice, so there is no forest plot.");
  }
  let svg = null;
  let source = "drawn in the browser";
  if ((await routes()).has("/forest.svg")) {
    try {
      const text = await getText("/forest.svg", query, "image/svg+xml");
      const parsed = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      if (parsed.nodeName === "svg") {
        svg = document.importNode(parsed, true);
        source = "from /forest.svg";
      }
    } catch (error) {
      console.warn("forest.svg failed; drawing the plot here", error);
    }
  }
  svg = svg || forestSvg(rows);
  const base = `forest-${[query.trials, query.agents, query.endpoint].filter(Boolean).join("-").replace(/[^\w-]+/g, "_")}`;
  const status = h("span", { class: "muted", role: "status" });
  return h("figure", { class: "forest", "data-source": source },
    h("div", { class: "figure-scroll", role: "region", "aria-label": "Forest plot", tabindex: "0" }, svg),
    h("figcaption", {}, `Hazard ratios with confidence intervals, log scale, one row per trial (${source}).`,
      h("span", { class: "narrow-only" }, " Scroll sideways to see the whole plot.")),
    h("p", { class: "downloads" }, "Download: ",
      h("button", { type: "button", onclick: () => download(`${base}.svg`, new XMLSerializer().serializeToString(svg),
        "image/svg+xml") }, "SVG"), " ",
      h("button", { type: "button", onclick: async () => {
        try {
          download(`${base}.png`, await svgToPng(svg));
        } catch (error) {
          status.textContent = error.message;
        }
      } }, "PNG"), " ",
      h("a", { href: url("/compare", { ...query, format: "csv" }), download: `${base}.csv`, class: "button" },
        "CSV (table)"), " ", status));
}

export async function renderCompare(view, _arg, params) {
  const [trials, agents, endpoints] = await Promise.all([
    getJSON("/trials", { limit: 500 }), getJSON("/agents", { limit: 500 }), getJSON("/endpoints", { limit: 500 }),
  ]);
  const measured = endpoints.data.filter((e) => e.measurements > 0);
  const query = { trials: params.get("trials") || "", agents: params.get("agents") || "",
    endpoint: params.get("endpoint") || "" };
  const parts = [h("h1", {}, "Compare trials and agents"), form(trials.data, agents.data, measured, params)];
  if (query.trials || query.agents) {
    const body = await getJSON("/compare", { ...query, limit: 500 });
    const what = (query.trials || query.agents).split(",").join(", ");
    parts.push(h("section", { "aria-labelledby": "compare-results", class: "compare-results" },
      h("h2", { id: "compare-results" }, `${query.endpoint || "All endpoints"}: ${what}`),
      body.count ? [await forestFigure(body.data, query), table(body.data)]
        : h("p", { class: "muted" }, "No reported result for this choice.")));
  }
  replace(view, ...parts);
  if (query.trials || query.agents) announce(`Comparison ready: ${view.querySelectorAll(".forest-row").length} rows in the forest plot`);
}
