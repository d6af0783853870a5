// The preview page: the list of sources, the chosen source's findings and pages, kept up to
// date by the server's events. Plain JavaScript, no build step; every word comes from the
// page's JSON (#messages), written in Python through gettext.
"use strict";

const M = JSON.parse(document.getElementById("messages").textContent);
const $ = (id) => document.getElementById(id);
const sources = new Map();
let selected = new URLSearchParams(location.search).get("source");
// Bumped by each update of the pages, so that an update overtaken by a newer one gives way.
let pagesToken = 0;

function say(key, values = {}) {
  return M[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
}

function clockTime(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString(document.documentElement.lang);
}

// A source's state reaches the page by two ways, the events and the lists it asks for; each
// carries the source's revision, and the page keeps the newest.
function newest(source) {
  const known = sources.get(source.name);
  return known && known.revision > source.revision ? known : source;
}

async function getJSON(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}

// --- the list ---------------------------------------------------------------------------------

function badge(element, source) {
  element.className = `badge ${source.state}`;
  element.textContent = say(`state.${source.state}`);
}

function listItem(source) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `?source=${encodeURIComponent(source.name)}`;
  link.dataset.name = source.name;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = source.name;
  const state = document.createElement("span");
  link.append(name, state);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState(null, "", link.href);
    choose(source.name);
  });
  item.append(link);
  return item;
}

function updateListItem(source) {
  const link = document.querySelector(`#sources a[data-name="${CSS.escape(source.name)}"]`);
  if (!link) return;
  badge(link.lastChild, source);
  link.classList.toggle("busy", source.busy);
  link.setAttribute("aria-current", source.name === selected ? "page" : "false");
}

async function loadList() {
  const data = await getJSON("/api/sources");
  const listed = data.sources.map(newest);
  sources.clear();
  const list = $("sources");
  list.replaceChildren();
  for (const source of listed) {
    sources.set(source.name, source);
    list.append(listItem(source));
    updateListItem(source);
  }
  if (!data.sources.length) {
    const item = document.createElement("li");
    item.className = "empty";
    item.textContent = M.empty;
    list.append(item);
  }
  if (selected) await choose(selected);
}

// --- the chosen source ------------------------------------------------------------------------

async function choose(name) {
  selected = name;
  for (const source of sources.values()) updateListItem(source);
  if (!sources.has(name)) return show(null);
  // Asking for it makes the server render it now and after every change.
  const source = newest(await getJSON(`/api/source?path=${encodeURIComponent(name)}`));
  sources.set(name, source);
  if (name === selected) show(source);
}

function show(source) {
  $("empty").hidden = source !== null;
  $("source").hidden = source === null;
  if (source === null) {
    $("empty").textContent = selected ? M.gone : M.choose;
    return;
  }
  $("source-name").textContent = source.name;
  badge($("source-state"), source);
  $("source-busy").hidden = !source.busy;
  $("source-busy").textContent = M.busy;
  $("source-time").textContent = source.shown_at ? say("shown_at", { time: clockTime(source.shown_at) }) : "";
  const query = `?path=${encodeURIComponent(source.name)}`;
  $("pdf-link").hidden = !source.pdf;
  $("pdf-link").href = `/pdf${query}`;
  $("docx-link").hidden = !source.pdf; // made when asked for
  $("docx-link").href = `/docx${query}`;
  showNotice(source);
  showDiagnostics(source.diagnostics);
  showPages(source);
}

function showNotice(source) {
  let text = "";
  if (source.catalog) text = M.catalog;
  else if (source.stale) text = say("stale", { time: clockTime(source.shown_at) });
  else if (!source.pages.length && source.state === "errors") text = M.no_preview;
  else if (!source.pages.length) text = M.preparing;
  $("notice").hidden = !text;
  $("notice").textContent = text;
  $("notice").className = `notice${source.stale ? " stale" : ""}`;
}

function showDiagnostics(diagnostics) {
  const list = $("diagnostics");
  list.replaceChildren();
  for (const diagnostic of diagnostics) {
    const item = document.createElement("li");
    item.className = diagnostic.severity;
    const where = document.createElement("button");
    where.type = "button";
    where.className = "where";
    where.textContent = diagnostic.where;
    where.title = say("copy", { where: diagnostic.where });
    where.addEventListener("click", () => copy(where, diagnostic.where));
    item.append(where);
    if (diagnostic.place) {
      const place = document.createElement("span");
      place.className = "place";
      place.textContent = diagnostic.place;
      item.append(" ", place, ":");
    }
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = diagnostic.message;
    item.append(" ", message);
    list.append(item);
  }
}

async function copy(button, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.dataset.copied = M.copied;
    setTimeout(() => delete button.dataset.copied, 1500);
  } catch {
    // No clipboard (an old browser): select the text, for Ctrl+C.
    getSelection().selectAllChildren(button);
  }
}

// Pages are swapped in place, each only once its new image is decoded, and keep their size:
// the page neither flickers nor moves under the reader, whose scroll position stays.
async function showPages(source) {
  const token = ++pagesToken;
  const container = $("pages");
  const view = $("view");
  if (view.dataset.source !== source.name) {
    // Another source: its pages, not the last one's, or none until they come.
    container.replaceChildren();
    view.dataset.source = source.name;
    view.dataset.version = "0";
  }
  const shown = [...container.querySelectorAll("img")].map((image) => image.dataset.name);
  // Only the pages the save changed are fetched and decoded.
  const loads = source.pages.map(async (page, index) => {
    if (shown[index] === page.name) return null;
    const image = new Image(page.width, page.height);
    image.src = `/page/${page.name}.jpg`;
    await image.decode();
    image.alt = say("page", { number: index + 1 });
    image.dataset.name = page.name;
    return image;
  });
  let images;
  try {
    images = await Promise.all(loads);
  } catch {
    return; // an image already replaced on the server: a newer update is on its way
  }
  if (token !== pagesToken) return;
  images.forEach((image, index) => {
    if (image === null) return;
    let figure = container.children[index];
    if (!figure) {
      figure = document.createElement("figure");
      figure.className = "page";
      container.append(figure);
    }
    figure.replaceChildren(image);
  });
  while (container.children.length > source.pages.length) container.lastChild.remove();
  view.dataset.version = String(source.version);
}

// --- live -------------------------------------------------------------------------------------

function listen() {
  const events = new EventSource("/events");
  events.addEventListener("source", (event) => {
    const source = newest(JSON.parse(event.data));
    sources.set(source.name, source);
    updateListItem(source);
    if (source.name === selected) show(source);
  });
  events.addEventListener("list", () => loadList());
  events.addEventListener("error", () => {
    $("connection").hidden = false;
    $("connection").textContent = M.disconnected;
  });
  // The list is read once the events flow, so that no change falls between the two; again
  // after a lost connection, since the server may have restarted.
  events.addEventListener("open", () => {
    $("connection").hidden = true;
    loadList();
  });
}

window.addEventListener("popstate", () => {
  selected = new URLSearchParams(location.search).get("source");
  if (selected) choose(selected);
  else show(null);
});

listen();
