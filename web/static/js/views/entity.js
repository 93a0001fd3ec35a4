// Any other entity of the graph (disease, radionuclide, ligand, target, emission type): its labels and what
// links to it, read with SPARQL.

import { ApiError } from "../api.js";
import { definitions, h, replace } from "../dom.js";
import { compress, expand, loadPrefixes } from "../curie.js";
import { entityHref } from "../format.js";

const SKOS = "http://www.w3.org/2004/02/skos/core#";

async function select(query) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  if (!response.ok) throw new ApiError(response.status, response.statusText, await response.text());
  return (await response.json()).results.bindings;
}

/** "hasRadionuclide" -> "has radionuclide". */
function words(iri) {
  const name = iri.split(/[#/]/).pop();
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export async function renderEntity(view, curie) {
  const table = await loadPrefixes();
  const iri = expand(curie, table);
  if (!/^https?:\/\//.test(iri)) throw new Error(`${curie} is not an identifier of this graph.`);
  const [about, incoming, outgoing] = await Promise.all([
    select(`SELECT ?label ?alt ?type WHERE { OPTIONAL { <${iri}> <${SKOS}prefLabel> ?label }
      OPTIONAL { <${iri}> <${SKOS}altLabel> ?alt } OPTIONAL { <${iri}> a ?type } }`),
    select(`SELECT DISTINCT ?s ?p ?label WHERE { ?s ?p <${iri}> ; <${SKOS}prefLabel> ?label } ORDER BY ?p ?label LIMIT 500`),
    select(`SELECT DISTINCT ?p ?o ?label WHERE { <${iri}> ?p ?o . ?o <${SKOS}prefLabel> ?label } ORDER BY ?p ?label`),
  ]);
  const label = about.find((b) => b.label)?.label.value;
  if (!label) throw new Error(`Nothing in the graph is named ${curie}.`);
  const alts = [...new Set(about.filter((b) => b.alt).map((b) => b.alt.value))];
  const types = [...new Set(about.filter((b) => b.type).map((b) => words(b.type.value)))];
  const link = (b, key) => {
    const id = compress(b[key].value, table);
    return h("a", { href: entityHref(id) }, b.label.value);
  };
  const groups = (bindings, key, heading) => {
    const byProperty = new Map();
    for (const b of bindings) {
      const name = words(b.p.value);
      if (!byProperty.has(name)) byProperty.set(name, []);
      byProperty.get(name).push(b);
    }
    return [...byProperty].map(([name, list]) => h("div", { class: "group" },
      h("h3", {}, heading(name)),
      h("ul", { class: "chips" }, list.map((b) => h("li", {}, link(b, key))))));
  };
  replace(view,
    h("p", { class: "kicker" }, types.join(", ") || "Entity"),
    h("h1", {}, label),
    definitions([["Identifier", curie], ["Also called", alts.join("; ")]], { "aria-label": "Facts" }),
    outgoing.length ? h("section", { "aria-labelledby": "entity-out" },
      h("h2", { id: "entity-out" }, "Its links"), groups(outgoing, "o", (name) => name)) : null,
    h("section", { "aria-labelledby": "entity-in" },
      h("h2", { id: "entity-in" }, "Linked from"),
      incoming.length ? groups(incoming, "s", (name) => `${name} ${label}`)
        : h("p", { class: "muted" }, "Nothing in the graph links to it yet.")));
}
