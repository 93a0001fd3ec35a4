// The start page: what the graph holds, and every curated trial and agent.

import { getJSON } from "../api.js";
import { h, replace } from "../dom.js";
import { modalityName } from "../format.js";

export async function renderHome(view) {
  const [stats, trials, agents] = await Promise.all([
    getJSON("/stats"), getJSON("/trials", { limit: 500 }), getJSON("/agents", { limit: 500 }),
  ]);
  const byModality = new Map();
  for (const agent of agents.data) {
    if (!byModality.has(agent.modality)) byModality.set(agent.modality, []);
    byModality.get(agent.modality).push(agent);
  }
  replace(view,
    h("h1", {}, "PSMA theranostics, from the literature"),
    h("p", { class: "lead" },
      `${stats.publications} publications, ${stats.agents} agents, ${stats.trials} trials and `,
      `${stats.measurements} measurements, each with the sentence it was read from. `,
      "Search above, ", h("a", { href: "#/compare?trials=VISION,TheraP&endpoint=rPFS" }, "compare trials"),
      ", explore ", h("a", { href: "#/graph/trial:VISION" }, "the graph"), " or ask ",
      h("a", { href: "#/sparql" }, "SPARQL"), "."),
    h("section", { "aria-labelledby": "home-trials" },
      h("h2", { id: "home-trials" }, "Trials"),
      h("ul", { class: "chips" }, trials.data.map((t) => h("li", {},
        h("a", { href: `#/trial/${encodeURIComponent(t.id)}` }, t.label,
          t.phase ? h("span", { class: "muted" }, ` · phase ${t.phase}`) : null))))),
    h("section", { "aria-labelledby": "home-agents" },
      h("h2", { id: "home-agents" }, "Agents"),
      [...byModality].map(([modality, list]) => h("div", { class: "group" },
        h("h3", {}, modalityName(modality)),
        h("ul", { class: "chips" }, list.map((a) => h("li", {},
          h("a", { href: `#/agent/${encodeURIComponent(a.id)}` }, a.label))))))));
}
