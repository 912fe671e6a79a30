// The /explore page: search, a neighbourhood graph that grows as nodes are clicked, the
// details of what is selected (with the sentences behind every fact), and event filters.
// Everything comes from the same REST API the page is served by; nothing from elsewhere.

import { GraphView, KINDS } from "./graph-view.js";

const NEIGHBOURS_PER_EXPANSION = 60;
const LISTED_EVENTS = 200;

const $ = (selector) => document.querySelector(selector);
const graph = new GraphView($("#graph"), { onNodeClick: (id) => openNode(id) });
const state = { filter: null, matching: null };

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value].flat()) if (item !== null && item !== undefined && item !== "") query.append(name, item);
  }
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.detail ?? response.statusText);
  return body;
}

// --- small DOM helpers (text only: nothing from the graph is parsed as HTML) -----------

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "onclick") element.addEventListener("click", value);
    else if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== ""));
  return element;
}

function swatch(kind) {
  return el("span", { class: "kind", style: `background:${(KINDS[kind] ?? KINDS.Article).color}`, title: kind });
}

function nodeLink(ref, kind) {
  const label = ref.name ?? ref.id;
  return el("button", { type: "button", class: "link", "data-id": ref.id, onclick: () => openNode(ref.id) },
    kind ? swatch(kind) : null, kind ? " " : null, label);
}

function dateRange(item) {
  if (!item.date) return "undated";
  return item.end_date && item.end_date !== item.date ? `${item.date} – ${item.end_date}` : item.date;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function evidenceList(evidence) {
  if (!evidence?.length) return null;
  return el("ul", { class: "evidence" },
    evidence.map((item) => el("li", {}, el("q", {}, item.sentence ?? item),
      item.article ? el("span", {}, " — ", nodeLink({ id: item.article, name: item.article })) : null)));
}

// `kind` is the kind of every item, or a function that gives each item's own.
function factList(title, items, kind, extra = () => null) {
  if (!items?.length) return [];
  const kindOf = typeof kind === "function" ? kind : () => kind;
  return [el("h3", {}, title), el("ul", { class: "facts" }, items.map((item) =>
    el("li", {}, nodeLink(item, kindOf(item)), extra(item),
      item.evidence?.length ? el("details", {}, el("summary", {}, `evidence (${item.evidence.length})`),
        evidenceList(item.evidence)) : null)))];
}

function definitionList(pairs) {
  const shown = pairs.filter(([, value]) => value !== null && value !== undefined && value !== "" &&
    !(Array.isArray(value) && value.length === 0));
  return el("dl", {}, shown.flatMap(([term, value]) => [el("dt", {}, term),
    el("dd", {}, Array.isArray(value) ? value.join("; ") : value)]));
}

// "meeting (CONSULT)": an event's type, with its PLOVER category when it has one.
function eventKind(event) {
  return event.plover ? `${event.type} (${event.plover})` : event.type;
}

function eventItem(event) {
  return el("li", {}, el("button", { type: "button", class: "item", "data-id": event.id, onclick: () => openNode(event.id) },
    swatch("Event"), el("span", {}, event.name), el("span", { class: "meta" }, `${eventKind(event)} · ${event.date ?? "undated"}`)));
}

// --- notices ------------------------------------------------------------------------------

function notify(message, { error = false } = {}) {
  const notice = $("#notice");
  notice.replaceChildren(...[message].flat());
  notice.classList.toggle("error", error);
  notice.hidden = false;
}

function clearNotice() {
  $("#notice").hidden = true;
}

function showSize() {
  const { nodes, relationships } = graph.size;
  $("#graph-size").textContent = nodes ? `${nodes} nodes, ${relationships} relationships shown` : "";
}

function failed(error) {
  notify(error instanceof ApiError ? `The API answered ${error.status}: ${error.message}` : `Something went wrong: ${error.message}`, { error: true });
}

// --- the graph ----------------------------------------------------------------------------

async function expand(id) {
  const neighbourhood = await api(`/graph/neighborhood/${encodeURIComponent(id)}`,
    { depth: 1, limit: NEIGHBOURS_PER_EXPANSION });
  const added = graph.merge(neighbourhood, id);
  graph.markExpanded(id);
  applyFade();
  showSize();
  clearNotice();
  if (neighbourhood.truncated) notify(`Only the first ${NEIGHBOURS_PER_EXPANSION} neighbours of ${id} are shown.`);
  return added;
}

// Start again from one node: its neighbourhood replaces the drawing.
async function focus(id) {
  graph.clear();
  await openNode(id);
  graph.fit();
}

// Select a node, expanding it the first time, and show its details.
async function openNode(id) {
  try {
    if (!graph.node(id)?.expanded) await expand(id);
    graph.select(id);
    history.replaceState(null, "", `?node=${encodeURIComponent(id)}`);
    await showDetails(graph.node(id).data);
  } catch (error) {
    failed(error);
  }
}

// --- details ------------------------------------------------------------------------------

const DETAILS = {
  Event: eventDetails,
  Country: countryDetails,
  Organization: organizationDetails,
  Person: personDetails,
  Article: articleDetails,
};

async function showDetails(node) {
  const panel = $("#details");
  panel.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  const render = DETAILS[node.kind] ?? neighbourDetails;
  const content = await render(node);
  panel.replaceChildren(el("h2", { "data-id": node.id }, swatch(node.kind), " ", node.name ?? node.id),
    el("p", { class: "hint" }, `${node.kind} · ${node.id}`), ...content);
}

async function eventDetails(node) {
  const event = await api(`/events/${encodeURIComponent(node.id)}`);
  return [
    definitionList([["Type", event.type], ["PLOVER", event.plover], ["Date", dateRange(event)],
      ["Place", event.place ? event.place.name : null]]),
    ...factList("Countries", event.countries, "Country"),
    ...factList("Regions", event.regions, "Region"),
    ...factList("Organized by", event.organizers, "Organization"),
    ...factList("Participants", event.participants, "Person",
      (person) => (person.titles.length ? ` (${person.titles.join("; ")})` : null)),
    ...factList("Organizations taking part", event.participant_organizations, "Organization"),
    ...factList("Sent a message (not taking part)", event.message_senders, (sender) => sender.kind),
    ...factList("Part of", event.part_of, "Event"),
    ...factList("Sub-events", event.sub_events, "Event"),
    el("h3", {}, `Reported in ${event.articles.length} article${event.articles.length === 1 ? "" : "s"}`),
    ...event.articles.map((article) => el("div", { class: "article", "data-article": article.id },
      articleTitle(article),
      el("ul", { class: "evidence" }, article.evidence.map((sentence) => el("li", {}, el("q", {}, sentence)))))),
  ];
}

function articleTitle(article) {
  const url = safeUrl(article.url);
  const meta = [article.source, article.published].filter(Boolean).join(", ");
  return el("div", {}, nodeLink({ id: article.id, name: article.title ?? article.id }, "Article"),
    meta ? el("span", { class: "hint" }, ` ${meta}`) : null,
    url ? el("span", {}, " ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "source")) : null);
}

async function eventsSection(title, path, params = {}) {
  const page = await api(path, { ...params, limit: 20 });
  return [el("h3", {}, `${title} (${page.total})`),
    page.items.length ? el("ol", { class: "items" }, page.items.map(eventItem)) : el("p", { class: "hint" }, "none")];
}

async function countryDetails(node) {
  const [country, partners] = await Promise.all([
    api(`/countries/${encodeURIComponent(node.id)}`),
    api(`/countries/${encodeURIComponent(node.id)}/partners`, { limit: 10 }),
  ]);
  const dates = state.filter ? { date_from: state.filter.date_from, date_to: state.filter.date_to } : {};
  return [
    definitionList([["Also called", country.aliases], ["Events", country.events], ["Articles", country.articles]]),
    ...factList("Regions", country.regions, "Region"),
    ...factList("Partners (shared events)", partners.items, "Country", (p) => ` ${p.events}`),
    ...factList("Organizations based there", country.organizations, "Organization"),
    ...factList("People representing it", country.persons, "Person"),
    ...(await eventsSection(state.filter ? "Events in the filter's dates" : "Events", "/events",
      { country: node.id, ...dates })),
  ];
}

function mentionsSection(mentions) {
  if (!mentions.length) return [];
  return [el("h3", {}, "Named in"), el("ul", {}, mentions.map((mention) => el("li", {},
    nodeLink({ id: mention.article, name: mention.title ?? mention.article }, "Article"),
    mention.surfaces.length ? el("span", { class: "hint" }, ` as ${mention.surfaces.join(", ")}`) : null)))];
}

async function organizationDetails(node) {
  const organization = await api(`/organizations/${encodeURIComponent(node.id)}`);
  return [
    definitionList([["Also called", organization.aliases], ["Events", organization.events]]),
    ...factList("Based in", organization.countries, "Country"),
    ...factList("Part of", organization.part_of, "Organization"),
    ...factList("Parts", organization.parts, "Organization"),
    ...factList("People", organization.people, "Person", (p) => (p.title ? ` (${p.title})` : null)),
    ...(await eventsSection("Events", `/organizations/${encodeURIComponent(node.id)}/events`)),
    ...mentionsSection(organization.mentions),
  ];
}

async function personDetails(node) {
  const person = await api(`/persons/${encodeURIComponent(node.id)}`);
  return [
    definitionList([["Titles", person.titles], ["Also called", person.aliases], ["Events", person.events]]),
    ...factList("Represents", person.countries, "Country"),
    ...factList("Affiliated with", person.affiliations, "Organization", (a) => (a.title ? ` (${a.title})` : null)),
    ...(await eventsSection("Events", `/persons/${encodeURIComponent(node.id)}/events`)),
    ...mentionsSection(person.mentions),
  ];
}

async function articleDetails(node) {
  const article = await api(`/articles/${encodeURIComponent(node.id)}`);
  const url = safeUrl(article.url);
  return [
    definitionList([["Source", article.source], ["Published", article.published], ["File", article.path]]),
    url ? el("p", {}, el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url)) : null,
    el("h3", {}, "Events it reports"),
    el("ul", {}, article.events.map((event) => el("li", {}, nodeLink(event, "Event"),
      el("ul", { class: "evidence" }, event.evidence.map((sentence) => el("li", {}, el("q", {}, sentence))))))),
    ...factList("Names it mentions", article.mentions.map((m) => ({ ...m, evidence: [] })), null,
      (m) => el("span", { class: "hint" }, ` ${m.kind}`)),
  ].filter(Boolean);
}

// Places and regions have no endpoint of their own: list what the drawing connects.
async function neighbourDetails(node) {
  const around = graph.neighbours(node.id);
  return [el("h3", {}, "Connected in the graph"), el("ul", {}, around.map(({ type, direction, node: other }) =>
    el("li", {}, el("span", { class: "hint" }, direction === "out" ? `${type} → ` : `← ${type} `), nodeLink(other, other.kind))))];
}

// --- search -------------------------------------------------------------------------------

async function search(text) {
  const q = text.trim();
  if (!q) return;
  try {
    const found = await api("/search", { q, limit: 20 });
    $("#results-title").textContent = `Matches for “${q}”`;
    $("#results-summary").textContent = found.items.length ? "Best match first; the first is drawn." : "Nothing matches.";
    $("#results-list").replaceChildren(...found.items.map((hit) => el("li", {},
      el("button", { type: "button", class: "item", "data-id": hit.id, onclick: () => focus(hit.id) },
        swatch(hit.kind), el("span", {}, hit.name ?? hit.id), el("span", { class: "meta" }, `${hit.kind} · ${Math.round(hit.score)}`)))));
    if (found.items.length) await focus(found.items[0].id);
  } catch (error) {
    failed(error);
  }
}

// --- filters ------------------------------------------------------------------------------

// When too many events match to list them all, judge drawn events by what they carry.
function matchesByItself(node) {
  const { date_from: from, date_to: to, type } = state.filter;
  if (type && node.event_type !== type) return false;
  if (!node.date) return !from && !to;
  return (!from || node.date >= from) && (!to || node.date <= to);
}

function applyFade() {
  graph.setFaded((node) => node.kind === "Event" && state.filter !== null &&
    !(state.matching ? state.matching.has(node.id) : matchesByItself(node)));
}

async function applyFilter(filter) {
  const active = Object.values(filter).some(Boolean);
  state.filter = active ? filter : null;
  state.matching = null;
  if (!active) {
    $("#results-title").textContent = "Results";
    $("#results-summary").textContent = "Search for an entity, or apply a filter.";
    $("#results-list").replaceChildren();
    applyFade();
    return;
  }
  try {
    const page = await api("/events", { ...filter, limit: LISTED_EVENTS });
    if (page.total <= page.items.length) state.matching = new Set(page.items.map((event) => event.id));
    $("#results-title").textContent = `Events (${page.total})`;
    $("#results-summary").textContent = page.total > page.items.length
      ? `The ${page.items.length} newest are listed.` : "Newest first; click one to draw it.";
    $("#results-list").replaceChildren(...page.items.map(eventItem));
    applyFade();
  } catch (error) {
    failed(error);
  }
}

function readFilter() {
  return {
    country: $("#filter-country").value, type: $("#filter-type").value,
    date_from: $("#filter-from").value, date_to: $("#filter-to").value,
  };
}

// --- start --------------------------------------------------------------------------------

function drawLegend() {
  $("#legend").replaceChildren(...Object.keys(KINDS).map((kind) => el("li", {}, swatch(kind), kind)),
    el("li", { class: "hint" }, "dashed: sent a message"),
    el("li", { class: "hint" }, "click: expand · hover: name"));
}

async function loadCountries() {
  const countries = await api("/countries", { limit: 500 });
  const select = $("#filter-country");
  for (const country of countries.items) {
    select.append(el("option", { value: country.id }, `${country.name} (${country.events})`));
  }
}

function showEmpty() {
  notify([el("strong", {}, "The graph is empty."), el("br"),
    "Add articles with ", el("code", {}, "dkg ingest FOLDER"), " or ", el("code", {}, "POST /articles"),
    ", or start with the samples: ", el("code", {}, "dkg demo"), "."]);
  for (const control of document.querySelectorAll("input, select, button")) control.disabled = true;
  document.body.dataset.state = "empty";
}

async function start() {
  drawLegend();
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search($("#search-input").value);
  });
  $("#filter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilter(readFilter());
  });
  $("#filter-form").addEventListener("reset", () => setTimeout(() => applyFilter(readFilter())));
  $("#fit").addEventListener("click", () => { graph.autoFit = true; graph.fit(); });
  $("#clear").addEventListener("click", () => { graph.clear(); showSize(); });
  try {
    const stats = await api("/stats");
    if (Object.values(stats.nodes).reduce((a, b) => a + b, 0) === 0) {
      showEmpty();
      return;
    }
    await loadCountries();
    for (const { type, events } of stats.event_types) {
      $("#filter-type").append(el("option", { value: type }, `${type.replaceAll("_", " ")} (${events})`));
    }
  } catch (error) {
    failed(error);
    document.body.dataset.state = "error";
    return;
  }
  const params = new URLSearchParams(location.search);
  if (params.get("q")) {
    $("#search-input").value = params.get("q");
    await search(params.get("q"));
  } else if (params.get("node")) {
    await focus(params.get("node"));
  }
  document.body.dataset.state = "ready";
}

start();
