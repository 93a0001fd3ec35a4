// IRIs <-> CURIEs with the prefixes of the graph's JSON-LD context (read once from the server).

import { getJSON } from "./api.js";

let prefixes = null;

/** prefix -> namespace, from /context.jsonld. */
export async function loadPrefixes() {
  if (!prefixes) {
    prefixes = getJSON("/context.jsonld").then((doc) => Object.fromEntries(
      Object.entries(doc["@context"]).filter(([, v]) => typeof v === "string" && v.startsWith("http"))));
  }
  return prefixes;
}

/** "agent:lu177-psma-617" -> its IRI (unchanged when the prefix is unknown). */
export function expand(curie, table) {
  const [prefix, ...rest] = curie.split(":");
  return table[prefix] ? table[prefix] + rest.join(":") : curie;
}

/** An IRI -> its CURIE by the longest matching namespace (unchanged when none matches). */
export function compress(iri, table) {
  let best = null;
  for (const [prefix, namespace] of Object.entries(table)) {
    if (iri.startsWith(namespace) && (!best || namespace.length > best[1].length)) best = [prefix, namespace];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}
