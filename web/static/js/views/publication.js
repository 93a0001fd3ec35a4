// A publication: title, journal, year, DOI, agents, trials and every number read from it with its sentence.

import { getJSON } from "../api.js";
import { definitions, h, replace } from "../dom.js";
import { endpointLabels, entityHref, entityLabels, resultsTables } from "../format.js";

export async function renderPublication(view, id) {
  const [pub, labels, names] = await Promise.all([
    getJSON(`/publications/${encodeURIComponent(id)}`), endpointLabels(), entityLabels(),
  ]);
  const link = (curie) => h("a", { href: entityHref(curie) }, names[curie] || curie.split(":").slice(1).join(":"));
  replace(view,
    h("p", { class: "kicker" }, `Publication ${pub.id}`),
    h("h1", {}, pub.title || pub.id),
    definitions([
      ["Journal", pub.journal || ""],
      ["Year", pub.year || ""],
      ["DOI", pub.doi || ""],
      ["Agents", pub.agents.length ? h("ul", { class: "inline-list" }, pub.agents.map((a) => h("li", {}, link(a)))) : ""],
      ["Trials", pub.trials.length ? h("ul", { class: "inline-list" }, pub.trials.map((t) => h("li", {}, link(t)))) : ""],
    ], { "aria-label": "Facts" }),
    h("section", { "aria-labelledby": "pub-results" },
      h("h2", { id: "pub-results" }, `Numbers read (${pub.measurements.length})`),
      pub.measurements.length ? resultsTables(pub.measurements, labels, { idPrefix: "pub-results", showTrial: true })
        : h("p", { class: "muted" }, "No number was read from this publication.")));
}
