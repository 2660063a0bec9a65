// translit's page: every piece of user text reaches the DOM as a text node (el(), textContent),
// never as markup; the page's Content-Security-Policy forbids inline script besides.
"use strict";

const $ = (id) => document.getElementById(id);

// An element with fixed attributes and children: strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  if (!response.ok) {
    const message = data && data.error ? data.error : `the server answered ${response.status}`;
    throw new Error(message);
  }
  return data;
}

function setStatus(node, message, isError) {
  node.textContent = message;
  node.classList.toggle("error", Boolean(isError));
}

// --- tabs ---------------------------------------------------------------------------------------

const TABS = ["tab-check", "tab-lookup"];

function selectTab(id, focus) {
  for (const tab of TABS) {
    const selected = tab === id;
    const button = $(tab);
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(button.getAttribute("aria-controls")).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

for (const tab of TABS) {
  $(tab).addEventListener("click", () => selectTab(tab, false));
  $(tab).addEventListener("keydown", (event) => {
    const at = TABS.indexOf(tab);
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const next = (at + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length;
      selectTab(TABS[next], true);
      event.preventDefault();
    } else if (event.key === "Home" || event.key === "End") {
      selectTab(TABS[event.key === "Home" ? 0 : TABS.length - 1], true);
      event.preventDefault();
    }
  });
}

// --- the systems, for the target chooser -----------------------------------------------------------

const LANGUAGES = { uk: "Ukrainian", ru: "Russian", be: "Belarusian" };

async function loadSystems() {
  const systems = await api("/api/systems");
  const select = $("target");
  for (const [language, label] of Object.entries(LANGUAGES)) {
    const group = el("optgroup", { label: `${label} names` });
    for (const s of systems.filter((x) => x.language === language)) {
      group.append(el("option", { value: s.id }, `${s.name} (${s.id})${s.default ? ", default" : ""}`));
    }
    select.append(group);
  }
}

// --- the check --------------------------------------------------------------------------------------

let state = null; // {text, findings, problems, systems, target}
let filename = null; // the name of the file opened, for the download

// Offsets from the server count code points; JavaScript strings count UTF-16 units.
function utf16Offsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const char of text) {
    unit += char.length;
    offsets.push(unit);
  }
  return offsets;
}

async function runCheck(event) {
  event.preventDefault();
  const text = $("text").value;
  const status = $("status");
  if (!text.trim()) {
    setStatus(status, "Paste a text or open a file first.", true);
    return;
  }
  const target = $("target").value || null;
  setStatus(status, "Checking…", false);
  $("check").disabled = true;
  try {
    const result = await api("/api/check", { text, target });
    const offsets = utf16Offsets(result.text);
    let last = 0;
    const findings = result.findings.map((f, index) => {
      const item = { ...f, index, start16: offsets[f.start], end16: offsets[f.end], status: "open", overlaps: false };
      if (item.start16 < last) item.overlaps = true; else last = item.end16;
      return item;
    });
    state = { text: result.text, findings, problems: result.problems, systems: result.systems,
              target: result.target };
    const system = result.systems[result.target];
    const names = new Set(findings.map((f) => f.name)).size;
    setStatus(status,
      `Text language: ${result.text_language_name}${target ? "" : " (guessed)"}. Names checked against ` +
      `${system.name} (${result.target}). ${findings.length} finding${findings.length === 1 ? "" : "s"} ` +
      `for ${names} name${names === 1 ? "" : "s"}.`, false);
    $("results").hidden = false;
    chosen = null;
    render();
  } catch (error) {
    setStatus(status, `Could not check the text: ${error.message}`, true);
  } finally {
    $("check").disabled = false;
  }
}

function corrected() {
  if (!state) return "";
  const parts = [];
  let at = 0;
  for (const f of state.findings) {
    if (f.status !== "accepted" || f.overlaps) continue;
    parts.push(state.text.slice(at, f.start16), f.suggestion);
    at = f.end16;
  }
  parts.push(state.text.slice(at));
  return parts.join("");
}

function setStatusOf(findings, status) {
  for (const f of findings) f.status = status;
  render();
}

// Re-rendering replaces the buttons: the focus goes back to the one that had it (or the detail).
const FOCUS_AREAS = ["detail", "legend", "names", "marked"];

function focusedControl() {
  const active = document.activeElement;
  const area = FOCUS_AREAS.find((id) => active && $(id).contains(active));
  if (!area) return null;
  return { area, action: active.dataset.action, kind: active.dataset.acceptKind, index: active.dataset.index };
}

function restoreFocus(control) {
  if (!control) return;
  const area = $(control.area);
  const selector = control.action ? `[data-action="${control.action}"]`
    : control.kind ? `[data-accept-kind="${control.kind}"]`
    : control.index !== undefined ? `[data-index="${Number(control.index)}"]` : null;
  let node = selector ? area.querySelector(selector) : null;
  if (!node || node.disabled) node = control.area === "detail" || control.area === "marked" ? $("detail") : $("accept-all");
  node.focus({ preventScroll: true });
}

function render() {
  const control = focusedControl();
  renderLegend();
  renderMarked();
  renderNames();
  renderDetail();
  restoreFocus(control);
  $("corrected").value = corrected();
  const open = state.findings.filter((f) => f.status === "open").length;
  $("accept-all").disabled = open === 0;
}

function describe(f) {
  return state.problems[f.problem] || f.problem;
}

function renderLegend() {
  const legend = $("legend");
  clear(legend);
  for (const [problem, description] of Object.entries(state.problems)) {
    const of = state.findings.filter((f) => f.problem === problem);
    if (!of.length) continue;
    const open = of.filter((f) => f.status === "open");
    legend.append(el("span", { className: "kind" },
      el("span", { className: `swatch p-${problem}`, "aria-hidden": "true" }),
      `${description} (${of.length})`,
      el("button", { type: "button", className: "small", "data-accept-kind": problem, disabled: open.length === 0,
                     onclick: () => setStatusOf(open, "accepted") }, "Accept all")));
  }
}

function renderMarked() {
  const marked = $("marked");
  clear(marked);
  let at = 0;
  for (const f of state.findings) {
    if (f.overlaps) continue;
    marked.append(document.createTextNode(state.text.slice(at, f.start16)));
    const shown = f.status === "accepted" ? f.suggestion : state.text.slice(f.start16, f.end16);
    const mark = el("mark", {
      className: `p-${f.problem} ${f.status === "open" ? "" : f.status}`.trim(),
      tabindex: 0, role: "button", "data-index": f.index, "data-problem": f.problem,
      "data-suggestion": f.suggestion,
      "aria-label": `${shown}: ${describe(f)}${f.status === "open" ? `, write ${f.suggestion}` : `, ${f.status}`}`,
    }, shown);
    mark.addEventListener("click", () => choose(f));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(f); }
    });
    marked.append(mark);
    at = f.end16;
  }
  marked.append(document.createTextNode(state.text.slice(at)));
}

let chosen = null; // the index of the finding whose detail is shown

function choose(f) {
  chosen = f.index;
  renderDetail();
  $("detail").focus({ preventScroll: true });
  $("detail").scrollIntoView({ block: "nearest" });
}

function act(f, status) {
  f.status = status;
  render();
}

function renderDetail() {
  for (const node of document.querySelectorAll("mark.chosen")) node.classList.remove("chosen");
  const detail = $("detail");
  clear(detail);
  const f = chosen === null ? null : state.findings[chosen];
  if (!f) return;
  const mark = document.querySelector(`mark[data-index="${f.index}"]`);
  if (mark) mark.classList.add("chosen");
  const target = state.systems[state.target];
  const same = state.findings.filter((g) => g.problem === f.problem && g.status === "open");
  const follows = f.follows.length ? f.follows.join(", ") : "no system";
  detail.append(
    el("h3", {}, `${f.text} → ${f.suggestion}`),
    el("dl", {},
      el("dt", {}, "Problem"), el("dd", {}, describe(f)),
      el("dt", {}, "Why"), el("dd", { className: "explanation" }, f.explanation),
      // an unknown place: the known places nearest to it, one of which was perhaps meant
      ...(f.nearest && f.nearest.length
        ? [el("dt", {}, "Nearest known"), el("dd", { className: "nearest" }, f.nearest.join("; "))] : []),
      el("dt", {}, "Name"), el("dd", {}, `${f.name} (${f.kind}${f.language ? `, ${LANGUAGES[f.language] || f.language}` : ""})`),
      el("dt", {}, "As written"), el("dd", {}, `follows ${follows}`),
      el("dt", {}, "Norm"), el("dd", { className: "norm" }, `${target.name} (${state.target}): ${target.source}`),
      el("dt", {}, "Where"), el("dd", {}, `line ${f.line}, column ${f.column}`),
      el("dt", {}, "Now"), el("dd", { className: "state" }, f.status === "open" ? "not decided" : f.status)),
    el("div", { className: "controls" },
      el("button", { type: "button", className: "primary", "data-action": "accept",
                     disabled: f.status === "accepted", onclick: () => act(f, "accepted") }, `Accept ${f.suggestion}`),
      el("button", { type: "button", "data-action": "ignore", disabled: f.status === "ignored",
                     onclick: () => act(f, "ignored") }, "Ignore"),
      el("button", { type: "button", "data-action": "accept-kind", disabled: same.length === 0,
                     onclick: () => setStatusOf(same, "accepted") }, `Accept all: ${describe(f)} (${same.length})`),
      f.status !== "open" ? el("button", { type: "button", "data-action": "undo", onclick: () => act(f, "open") }, "Undo") : null));
}

function renderNames() {
  const list = $("names");
  clear(list);
  const groups = new Map();
  for (const f of state.findings) {
    if (!groups.has(f.name)) groups.set(f.name, []);
    groups.get(f.name).push(f);
  }
  if (!groups.size) list.append(el("li", {}, "No problems found."));
  for (const [name, group] of groups) {
    const first = group[0];
    list.append(el("li", {},
      el("h3", {}, name),
      el("span", { className: "about" }, `${first.kind}${first.language ? `, ${LANGUAGES[first.language] || first.language}` : ""}`),
      el("ul", {}, group.map((f) => el("li", {},
        el("button", { type: "button", className: `finding p-${f.problem}`, "data-index": f.index, onclick: () => choose(f) },
          el("span", { className: "written" }, f.text), " → ",
          el("strong", { className: "suggestion" }, f.suggestion), " ",
          el("span", { className: "state" }, `${describe(f)}${f.status === "open" ? "" : `, ${f.status}`}`)))))));
  }
}

async function copyCorrected() {
  const text = $("corrected").value;
  try {
    await navigator.clipboard.writeText(text);
    setStatus($("status"), "The corrected text is on the clipboard.", false);
  } catch (_) {
    $("corrected").select();
    const done = document.execCommand && document.execCommand("copy");
    setStatus($("status"), done ? "The corrected text is on the clipboard." : "Select the corrected text and copy it.", !done);
  }
}

function downloadCorrected() {
  const blob = new Blob([$("corrected").value], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const base = filename ? filename.replace(/\.[^.]*$/, "") : "text";
  const link = el("a", { href: url, download: `${base}-corrected.txt` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function openFile() {
  const file = $("file").files[0];
  if (!file) return;
  if (file.size > 800000) {
    setStatus($("status"), `${file.name} is larger than 800 kB: check it in parts, or with translit check.`, true);
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    $("text").value = String(reader.result);
    filename = file.name;
    setStatus($("status"), `Opened ${file.name}.`, false);
  };
  reader.onerror = () => setStatus($("status"), `Could not read ${file.name}.`, true);
  reader.readAsText(file, "utf-8");
}

$("check-form").addEventListener("submit", runCheck);
$("accept-all").addEventListener("click", () => setStatusOf(state.findings.filter((f) => f.status === "open"), "accepted"));
$("reset").addEventListener("click", () => setStatusOf(state.findings, "open"));
$("copy").addEventListener("click", copyCorrected);
$("download").addEventListener("click", downloadCorrected);
$("file").addEventListener("change", openFile);

// --- looking up one name -------------------------------------------------------------------------------

function table(headers, rows) {
  return el("div", { className: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => (cell instanceof Node ? el("td", {}, cell) : el("td", {}, String(cell)))))))));
}

function renamingText(r) {
  return `${r.former}${r.former_ru && r.former_ru !== r.former ? ` (Russian ${r.former_ru})` : ""} → ${r.name}, ${r.date}: ${r.act}`;
}

async function runLookup(event) {
  event.preventDefault();
  const name = $("name").value;
  const status = $("lookup-status");
  const out = $("lookup-results");
  if (!name.trim()) { setStatus(status, "Type a name first.", true); return; }
  setStatus(status, "Looking it up…", false);
  try {
    const r = await api("/api/lookup", { name });
    clear(out);
    setStatus(status, `${r.name}: ${r.script} script${r.language ? `, ${LANGUAGES[r.language]} letters` : ""}; grouping key “${r.key}”.`, false);
    if (r.readings.length) {
      out.append(el("h2", {}, "Cyrillic readings"),
        el("p", { className: "note" }, "Best first; the score compares the readings of this name only."),
        table(["reading", "language", "score", "systems that write it so"],
          r.readings.map((x) => [el("span", { className: "spelling", lang: x.language }, x.cyrillic),
                                 LANGUAGES[x.language], x.score.toFixed(1), x.systems.join(", ") || "none exactly"])));
    }
    out.append(el("h2", {}, "Places it may be"));
    if (r.places.length) {
      out.append(table(["place", "official name", "region", "population", "found through"],
        r.places.map((p) => [p.latin, el("span", { lang: p.language }, p.name), `${p.region_latin || p.region}, ${p.country}`,
                             p.population.toLocaleString("en"),
                             p.via === "former" && p.renaming ? `former name ${p.matched}` :
                               `${p.via === "name" ? "its name" : "another name"} ${p.matched}${p.exact ? "" : " (a spelling of it)"}`])));
    } else {
      out.append(el("p", {}, "No place of the gazetteer bears this name."));
    }
    const former = r.places.filter((p) => p.former.length);
    out.append(el("h2", {}, "Former names"));
    if (former.length) {
      out.append(el("ul", {}, former.map((p) => p.former.map((f) => el("li", {}, `${p.latin}: ${renamingText(f)}`, el("br"),
        el("span", { className: "note" }, `Source: ${f.source}`))))));
    } else {
      out.append(el("p", {}, "None known for the places found."));
    }
    out.append(el("h2", {}, "Written in every system"));
    for (const language of r.romanizations) {
      out.append(el("h3", {}, `${LANGUAGES[language.language]}: `, el("span", { lang: language.language }, language.cyrillic)));
      for (const use of language.uses) {
        out.append(el("h4", {}, use.label),
          table(["system", "spelling"], use.systems.map((s) => [`${s.name} (${s.id})${s.default ? ", default" : ""}`,
                                                                  el("strong", {}, s.spelling)])));
      }
    }
  } catch (error) {
    setStatus(status, `Could not look it up: ${error.message}`, true);
  }
}

$("lookup-form").addEventListener("submit", runLookup);

loadSystems().catch((error) => setStatus($("status"), `Could not load the systems: ${error.message}`, true));
