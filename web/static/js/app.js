// The explorer's shell: hash routes to views, the search box with suggestions, focus and titles on navigation.

import { getJSON } from "./api.js";
import { announce, h, replace } from "./dom.js";
import { entityHref, modalityName } from "./format.js";
import { renderAgent } from "./views/agent.js";
import { renderCompare } from "./views/compare.js";
import { renderEntity } from "./views/entity.js";
import { renderGraph } from "./views/graph.js";
import { renderHome } from "./views/home.js";
import { renderPublication } from "./views/publication.js";
import { renderSparql } from "./views/sparql.js";
import { renderTrial } from "./views/trial.js";

const ROUTES = {
  "": renderHome,
  agent: renderAgent,
  trial: renderTrial,
  publication: renderPublication,
  entity: renderEntity,
  compare: renderCompare,
  graph: renderGraph,
  sparql: renderSparql,
};

const view = document.getElementById("view");
let cleanup = null;
let navigation = 0;
let firstLoad = true;

/** "#/trial/VISION?x=1" -> {name: "trial", arg: "VISION", params}. */
function parseHash(hash) {
  const text = hash.replace(/^#\/?/, "");
  const [path, query = ""] = text.split("?");
  const [name = "", ...rest] = path.split("/");
  return { name, arg: rest.map(decodeURIComponent).join("/"), params: new URLSearchParams(query) };
}

async function route() {
  if (location.hash && !location.hash.startsWith("#/")) return; // an in-page anchor, not a route
  const { name, arg, params } = parseHash(location.hash);
  const render = ROUTES[name];
  const current = ++navigation;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  for (const link of document.querySelectorAll(".nav-links a")) {
    const target = link.getAttribute("href").slice(2);
    if (target === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  replace(view, h("p", { class: "loading" }, "Loading…"));
  view.setAttribute("aria-busy", "true");
  try {
    if (!render) throw new Error(`There is no page ${location.hash}.`);
    const result = await render(view, arg, params, () => current !== navigation);
    if (current !== navigation) return;
    cleanup = typeof result === "function" ? result : null;
  } catch (error) {
    if (current !== navigation) return;
    console.warn(error);
    replace(view, h("h1", {}, "Not found"), h("p", { class: "error", role: "alert" }, error.message),
      h("p", {}, h("a", { href: "#/" }, "Back to the start page")));
  } finally {
    if (current === navigation) view.removeAttribute("aria-busy");
  }
  if (current !== navigation) return;
  const heading = view.querySelector("h1");
  document.title = heading ? `${heading.textContent} — psma-kg explorer` : "psma-kg explorer";
  // After a navigation (not on the first load, where Tab should reach the skip link first) the new content
  // takes the focus, so keyboard and screen-reader users start reading it.
  if (!firstLoad && document.activeElement !== searchInput && !view.contains(document.activeElement)) {
    view.focus({ preventScroll: true });
  }
  firstLoad = false;
  window.scrollTo(0, 0);
  announce(document.title);
}

// --- search with suggestions (the WAI-ARIA combobox pattern) ---

const searchInput = document.getElementById("search-input");
const listbox = document.getElementById("search-suggestions");
let suggestions = [];
let suggestionsFor = "";
let active = -1;
let pending = null;
let asked = 0;

function closeSuggestions() {
  listbox.hidden = true;
  searchInput.setAttribute("aria-expanded", "false");
  searchInput.removeAttribute("aria-activedescendant");
  active = -1;
}

function showSuggestions(hits, query) {
  suggestions = hits;
  suggestionsFor = query;
  active = -1;
  searchInput.removeAttribute("aria-activedescendant");
  if (hits.length === 0) {
    replace(listbox, h("li", { class: "no-hit", role: "option", "aria-disabled": "true" }, `Nothing matches “${query}”`));
  } else {
    replace(listbox, hits.map((hit, i) => h("li", {
      id: `suggestion-${i}`, role: "option", "aria-selected": "false", class: "suggestion",
      onmousedown: (event) => { event.preventDefault(); open(i); },
    },
    h("span", { class: "suggestion-label" }, hit.label),
    hit.matched !== hit.label ? h("span", { class: "suggestion-matched" }, ` (${hit.matched})`) : null,
    h("span", { class: `kind kind-${kindClass(hit.kind)}` }, modalityName(hit.kind)))));
  }
  listbox.hidden = false;
  searchInput.setAttribute("aria-expanded", "true");
  announce(hits.length ? `${hits.length} suggestion${hits.length === 1 ? "" : "s"}` : "No suggestions");
}

function kindClass(kind) {
  if (kind === "ClinicalTrial") return "trial";
  if (kind === "Disease") return "disease";
  if (kind === "Endpoint" || kind === "AdverseEvent" || kind === "AbsorbedDose") return "endpoint";
  return "agent";
}

function setActive(index) {
  const options = listbox.querySelectorAll(".suggestion");
  if (options.length === 0) return;
  active = (index + options.length) % options.length;
  options.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
  searchInput.setAttribute("aria-activedescendant", options[active].id);
  options[active].scrollIntoView({ block: "nearest" });
}

function open(index) {
  const hit = suggestions[index];
  if (!hit) return;
  closeSuggestions();
  searchInput.value = hit.label;
  location.hash = entityHref(hit.id);
}

async function suggest() {
  const query = searchInput.value.trim();
  if (!query) {
    closeSuggestions();
    return;
  }
  const mine = ++asked;
  try {
    const body = await getJSON("/search", { q: query, limit: 8 });
    if (mine === asked && searchInput.value.trim() === query) showSuggestions(body.data, query);
  } catch (error) {
    console.warn(error);
  }
}

searchInput.addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(suggest, 120);
});
searchInput.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown") {
    event.preventDefault();
    if (listbox.hidden) suggest();
    else setActive(active + 1);
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    setActive(active - 1);
  } else if (event.key === "Enter") {
    event.preventDefault();
    clearTimeout(pending);
    if (active >= 0) open(active);
    else if (suggestionsFor === searchInput.value.trim() && suggestions.length) open(0);
    else suggest().then(() => open(0));
  } else if (event.key === "Escape") {
    if (!listbox.hidden) closeSuggestions();
    else searchInput.value = "";
  }
});
searchInput.addEventListener("blur", () => setTimeout(closeSuggestions, 100));

document.getElementById("skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  view.focus();
});

window.addEventListener("hashchange", route);
route();
