// vanban serve: the page. Plain JavaScript, no build step, no library: an overview of the folder, a YAML
// editor with live validation and a preview, downloads. Every text is in Vietnamese and English.
"use strict";

const T = {
  vi: {
    overview: "Tổng quan", working: "Đang xử lý…", files: "Các tệp trong thư mục", file: "Tệp", kind: "Loại",
    state: "Tình trạng", nofiles: "Thư mục chưa có tệp .yaml nào: tạo tệp mới bên dưới.", newfile: "Tạo tệp mới từ mẫu",
    name: "Tên tệp", create: "Tạo", whole: "Cả chu trình", zip: "Tải tất cả (.zip)", ics: "Lịch (.ics)",
    timeline: "Lịch các mốc", date: "Ngày", session: "Buổi", step: "Việc",
    estimated: "* ngày ước tính: lịch nghỉ năm này chưa công bố",
    estimatedLong: "Lịch nghỉ của năm này chưa được công bố: ngày được ước tính theo luật và có thể thay đổi.",
    nomilestones: "Chưa có mốc nào (cần kế hoạch có ngày các buổi, hoặc tệp buổi đối thoại).",
    assignments: "Nhiệm vụ sau đối thoại", task: "Nhiệm vụ", due: "Hạn",
    nostatuses: "Chưa có nhiệm vụ nào (tệp thông báo kết luận hoặc báo cáo theo dõi).",
    save: "Lưu", docx: "Tải .docx", pdf: "Tải .pdf", preview: "Xem trước", pdfpreview: "Xem PDF",
    fields: "Khóa và chỗ thay thế", stale: "Bản xem trước chưa cập nhật: tệp đang có lỗi.",
    pdfnote: "PDF của bản đã lưu, do LibreOffice tạo.", fieldsnote: "Bấm vào một mục để chèn vào chỗ con trỏ.",
    valid: "Hợp lệ", warnings: "Có cảnh báo", errors: "Có lỗi", open: "Mở", line: "Dòng",
    saved: "Đã lưu", unsaved: "Chưa lưu", newunsaved: "Tệp mới, chưa lưu", checking: "Đang kiểm tra…",
    noerrors: "Không có lỗi.", today: "hôm nay", asof: "tính đến", nopdf: "Máy này chưa cài LibreOffice: không có PDF.",
    leave: "Có thay đổi chưa lưu. Rời trang?", inother: "Trong tệp khác", key: "khóa", placeholder: "chỗ thay thế", wording: "câu chữ",
    nodoc: "Tệp này không tạo văn bản để xem trước.", starter: "Hoặc bắt đầu từ bộ tệp mẫu (hồ sơ cơ quan, kế hoạch, một buổi đối thoại):",
    starterubnd: "UBND xã", starterdang: "Đảng ủy xã", past: "đã qua", savedAt: "Đã lưu lúc",
    kinds: {plan: "Kế hoạch", session: "Thông báo / Giấy mời buổi đối thoại", conclusion: "Thông báo kết luận", followup: "Báo cáo theo dõi",
      "reception-schedule": "Lịch tiếp công dân", "calendar-export": "Tệp lịch (.ics)", office: "Hồ sơ cơ quan"},
  },
  en: {
    overview: "Overview", working: "Working…", files: "Files in the folder", file: "File", kind: "Kind",
    state: "State", nofiles: "The folder has no .yaml file yet: create one below.", newfile: "New file from a skeleton",
    name: "File name", create: "Create", whole: "The whole cycle", zip: "Download all (.zip)", ics: "Calendar (.ics)",
    timeline: "Time line", date: "Date", session: "Session", step: "Step",
    estimated: "* estimated date: that year's days off are not announced yet",
    estimatedLong: "The schedule of days off of that year is not announced yet: the date is estimated from the law and may move.",
    nomilestones: "No milestones yet (a plan with the sessions' dates, or session files, is needed).",
    assignments: "Assignments after the dialogues", task: "Assignment", due: "Due",
    nostatuses: "No assignments yet (conclusion notices or follow-up reports).",
    save: "Save", docx: "Download .docx", pdf: "Download .pdf", preview: "Preview", pdfpreview: "PDF preview",
    fields: "Keys and placeholders", stale: "The preview is not up to date: the file has errors.",
    pdfnote: "PDF of the saved version, made by LibreOffice.", fieldsnote: "Click an entry to insert it at the cursor.",
    valid: "Valid", warnings: "Warnings", errors: "Errors", open: "Open", line: "Line",
    saved: "Saved", unsaved: "Not saved", newunsaved: "New file, not saved", checking: "Checking…",
    noerrors: "No errors.", today: "today", asof: "as of", nopdf: "LibreOffice is not installed on this computer: no PDF.",
    leave: "There are unsaved changes. Leave the page?", inother: "In another file", key: "key", placeholder: "placeholder", wording: "wording",
    nodoc: "This file makes no document to preview.", starter: "Or start from the starting folder (office profile, plan, one session):",
    starterubnd: "Commune People's Committee", starterdang: "Commune Party committee", past: "past", savedAt: "Saved at",
    kinds: {plan: "Plan", session: "Session notice / invitation", conclusion: "Conclusion notice", followup: "Follow-up report",
      "reception-schedule": "Reception schedule", "calendar-export": "Calendar file (.ics)", office: "Office profile"},
  },
};

let lang = localStorage.getItem("vanban-lang") === "en" ? "en" : "vi";
const t = (k) => T[lang][k] || T.vi[k] || k;
const $ = (id) => document.getElementById(id);
const csrf = document.querySelector('meta[name="csrf"]').content;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// msg shows a message of both languages: the page's language first, the other one smaller.
function msg(m) {
  const other = lang === "vi" ? m.en : m.vi;
  const first = lang === "vi" ? m.vi : m.en;
  return el("span", {class: "msg"}, first, other && other !== first ? el("span", {class: "other"}, " / " + other) : null);
}

function applyLang() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
  $("lang-vi").classList.toggle("on", lang === "vi");
  $("lang-en").classList.toggle("on", lang === "en");
}

// --- requests, with the progress indicator --------------------------------------------------------------

let pending = 0, busyTimer = null;
function busy(delta) {
  pending += delta;
  if (pending > 0 && !busyTimer) {
    busyTimer = setTimeout(() => { $("busy").hidden = false; $("progress").hidden = false; }, 150);
  }
  if (pending === 0) {
    clearTimeout(busyTimer); busyTimer = null;
    $("busy").hidden = true; $("progress").hidden = true;
  }
}

async function api(method, url, body, headers) {
  busy(1);
  try {
    const h = Object.assign({"X-Vanban-CSRF": csrf}, headers || {});
    if (body != null) h["Content-Type"] = "text/plain; charset=utf-8";
    const r = await fetch(url, {method, body, headers: h, credentials: "same-origin"});
    const ct = r.headers.get("Content-Type") || "";
    const data = ct.startsWith("application/json") ? await r.json() : await r.blob();
    return {status: r.status, ok: r.ok, data, headers: r.headers};
  } finally {
    busy(-1);
  }
}

function banner(m) {
  const b = $("banner");
  b.replaceChildren();
  if (!m) { b.hidden = true; return; }
  b.append(msg(m), el("button", {type: "button", class: "close", onclick: () => banner(null)}, "×"));
  b.hidden = false;
}

function showIssuesIn(container, list) {
  container.replaceChildren();
  for (const i of list || []) {
    container.append(el("div", {class: "issue err"}, (i.file ? i.file + (i.line ? ":" + i.line : "") + ": " : ""), msg(i)));
  }
}

// download fetches a file and saves it, or shows why it cannot be made.
async function download(url) {
  const r = await api("GET", url);
  if (!r.ok) {
    banner(r.data.error || {vi: "Lỗi " + r.status, en: "Error " + r.status});
    if (r.data.issues) showIssuesIn($("banner"), r.data.issues);
    return;
  }
  const cd = r.headers.get("Content-Disposition") || "";
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  const a = el("a", {href: URL.createObjectURL(r.data), download: m ? decodeURIComponent(m[1]) : "vanban"});
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
}

// --- overview -----------------------------------------------------------------------------------------

let overviewData = null;

async function showOverview() {
  $("view-edit").hidden = true;
  $("view-overview").hidden = false;
  const r = await api("GET", "/api/overview");
  if (!r.ok) { banner(r.data.error); return; }
  overviewData = r.data;
  renderOverview();
}

function kindName(k) { return (T[lang].kinds[k]) || k || "?"; }

function renderOverview() {
  const o = overviewData;
  if (!o) return;
  $("folder").textContent = o.folder;
  $("today").textContent = "(" + t("asof") + " " + (lang === "vi" ? o.today_long : fmtDate(o.today)) + ")";
  const tb = $("files").tBodies[0];
  tb.replaceChildren();
  for (const f of o.files) {
    const n = f.errors.length, w = f.warnings.length;
    const state = el("span", {class: "badge " + f.state}, t(f.state) + (f.state === "errors" ? " (" + n + ")" : f.state === "warnings" ? " (" + w + ")" : ""));
    const details = el("div", {class: "details"});
    for (const i of f.errors.concat(f.warnings).slice(0, 5)) {
      details.append(el("div", {class: "issue " + (f.errors.includes(i) ? "err" : "warn")}, (i.line ? t("line") + " " + i.line + ": " : ""), msg(i)));
    }
    tb.append(el("tr", {"data-path": f.path},
      el("td", {}, el("a", {href: "#/edit/" + encodeURIComponent(f.path), class: "fname"}, f.path)),
      el("td", {}, kindName(f.kind)),
      el("td", {}, state, details),
      el("td", {}, el("a", {href: "#/edit/" + encodeURIComponent(f.path), class: "button"}, t("open")))));
  }
  $("no-files").hidden = o.files.length > 0;
  const sel = $("new-kind");
  const cur = sel.value;
  sel.replaceChildren(...o.kinds.map((k) => el("option", {value: k}, kindName(k))));
  if (cur) sel.value = cur;
  showIssuesIn($("problems"), o.problems);
  const mb = $("milestones").tBodies[0];
  mb.replaceChildren();
  for (const m of o.milestones) {
    const d = fmtDate(m.date) + (m.end ? " – " + fmtDate(m.end) : "");
    mb.append(el("tr", {class: "when-" + m.when},
      el("td", {class: "nowrap"}, d, m.estimated ? el("span", {class: "estimated", title: t("estimatedLong")}, " *") : "",
        el("div", {class: "sub"}, lang === "en" ? new Date(m.date + "T00:00:00Z").toLocaleDateString("en-GB", {weekday: "long", timeZone: "UTC"}) : m.weekday)),
      el("td", {}, m.session),
      el("td", {}, lang === "en" && m.title_en ? m.title_en : m.title, el("div", {class: "sub"}, lang === "en" && m.rule_en ? m.rule_en : m.rule),
        m.estimated ? el("div", {class: "sub estimated"}, t("estimated")) : "")));
  }
  $("no-milestones").hidden = o.milestones.length > 0;
  const next = mb.querySelector("tr.when-today, tr.when-future"); // the time line opens on what is due next
  if (next) $("ms-scroll").scrollTop = Math.max(0, next.offsetTop - 40);
  const sb = $("statuses").tBodies[0];
  sb.replaceChildren();
  for (const s of o.statuses) {
    sb.append(el("tr", {class: "st-" + s.state},
      el("td", {}, el("b", {}, s.id + " · " + s.body), el("div", {class: "sub"}, s.task)),
      el("td", {class: "nowrap"}, fmtDate(s.due)),
      el("td", {}, el("span", {class: "badge st-" + s.state}, lang === "en" && s.describe_en ? s.describe_en : s.describe))));
  }
  $("no-statuses").hidden = o.statuses.length > 0;
}

function fmtDate(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return d + "/" + m + "/" + y;
}

// --- editor -------------------------------------------------------------------------------------------

const ed = {path: "", version: "", saved: "", isNew: false, kind: "", seq: 0, timer: null, issues: [], fields: []};

function dirty() { return ed.path !== "" && $("text").value !== ed.saved; }

async function openFile(path) {
  $("view-overview").hidden = true;
  $("view-edit").hidden = false;
  if (ed.path === path && (ed.isNew || dirty())) { return; }
  if (dirty() && !confirm(t("leave"))) { location.hash = "#/edit/" + encodeURIComponent(ed.path); return; }
  const r = await api("GET", "/api/file?path=" + encodeURIComponent(path));
  if (!r.ok) { banner(r.data.error); location.hash = "#/"; return; }
  startEditing(r.data, false);
}

function startEditing(f, isNew) {
  ed.path = f.path; ed.version = f.version || ""; ed.saved = isNew ? "" : f.content; ed.isNew = isNew; ed.kind = f.kind;
  $("conflict").hidden = true;
  ed.issues = [];
  $("issues").replaceChildren();
  $("preview").replaceChildren();
  $("field-filter").value = "";
  $("text").value = f.content;
  $("edit-name").textContent = f.path;
  $("pdf").removeAttribute("src");
  updateGutter();
  updateState();
  loadFields();
  check();
}

function updateState() {
  $("edit-kind").textContent = kindName(ed.kind);
  const st = $("edit-state");
  st.className = "state " + (dirty() || ed.isNew ? "unsaved" : "saved");
  st.textContent = ed.isNew ? t("newunsaved") : dirty() ? t("unsaved") : t("saved");
  $("dl-pdf").hidden = !(overviewData && overviewData.pdf);
  $("tab-pdf").hidden = !(overviewData && overviewData.pdf);
}

function lineCount() { return $("text").value.split("\n").length; }

// updateGutter draws the line numbers, marking the lines that have an error or a warning.
function updateGutter() {
  const g = $("gutter");
  const n = lineCount();
  const marks = {};
  for (const i of ed.issues) {
    if (!i.line || i.other) continue;
    if (marks[i.line] !== "err") marks[i.line] = i.sev;
  }
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= n; i++) {
    const d = el("div", {class: "ln" + (marks[i] ? " " + marks[i] : ""), "data-line": String(i)}, String(i));
    if (marks[i]) {
      d.title = ed.issues.filter((x) => x.line === i && !x.other).map((x) => (lang === "vi" ? x.vi : x.en)).join("\n");
      d.addEventListener("click", () => gotoLine(i));
    }
    frag.append(d);
  }
  g.replaceChildren(frag);
  g.scrollTop = $("text").scrollTop;
}

function gotoLine(n) {
  const ta = $("text");
  const lines = ta.value.split("\n");
  let start = 0;
  for (let i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
  const end = start + (lines[n - 1] || "").length;
  ta.focus();
  ta.setSelectionRange(start, end);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (n - 4) * lh);
}

function scheduleCheck() {
  clearTimeout(ed.timer);
  $("edit-state").textContent = t("checking");
  ed.timer = setTimeout(check, 400);
}

// check sends the text being edited: the server validates it as "vanban validate" does (with the folder's
// other files as they are saved) and lays out its preview.
async function check() {
  const seq = ++ed.seq;
  const path = ed.path;
  const r = await api("POST", "/api/check?path=" + encodeURIComponent(path), $("text").value);
  if (seq !== ed.seq || path !== ed.path) return; // a newer check is on its way
  updateState();
  const box = $("issues");
  box.replaceChildren();
  if (!r.ok) {
    ed.issues = [];
    box.append(el("div", {class: "issue err"}, msg(r.data.error)));
    updateGutter();
    return;
  }
  const c = r.data;
  if (c.kind && c.kind !== ed.kind) { ed.kind = c.kind; updateState(); loadFields(); }
  const mine = (i) => !i.file || i.file === path;
  ed.issues = c.errors.map((i) => Object.assign({sev: "err", other: !mine(i)}, i))
    .concat(c.warnings.map((i) => Object.assign({sev: "warn", other: !mine(i)}, i)));
  if (ed.issues.length === 0) box.append(el("div", {class: "ok"}, t("noerrors")));
  for (const i of ed.issues) {
    const where = i.other ? t("inother") + " " + i.file + (i.line ? ":" + i.line : "") : i.line ? t("line") + " " + i.line + (i.col ? ":" + i.col : "") : "";
    const row = el("div", {class: "issue " + i.sev, "data-line": String(i.line || 0)},
      el("span", {class: "where"}, where), i.path ? el("code", {}, i.path) : null, msg(i));
    if (!i.other && i.line) row.addEventListener("click", () => gotoLine(i.line));
    box.append(row);
  }
  updateGutter();
  const hasErr = c.errors.length > 0;
  $("stale").hidden = !hasErr;
  $("preview").classList.toggle("is-stale", hasErr);
  if (!hasErr) {
    if (c.preview) $("preview").innerHTML = c.preview; // built by the server's html/template, escaped
    else $("preview").replaceChildren(el("p", {class: "note"}, t("nodoc")));
  }
}

async function save() {
  const text = $("text").value;
  const r = await api("POST", "/api/save?path=" + encodeURIComponent(ed.path), text, {"X-Vanban-Version": ed.version});
  if (r.status === 409) {
    const c = $("conflict");
    c.replaceChildren(el("strong", {}, "⚠ "), msg(r.data.error));
    c.hidden = false;
    return;
  }
  if (!r.ok) { banner(r.data.error); return; }
  ed.version = r.data.version; ed.saved = text; ed.isNew = false;
  $("conflict").hidden = true;
  updateState();
  $("edit-state").textContent = t("savedAt") + " " + new Date().toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB");
  if (!$("pane-pdf").hidden) showPDF();
}

async function loadFields() {
  const r = await api("GET", "/api/fields?kind=" + encodeURIComponent(ed.kind || "") + (ed.isNew ? "" : "&path=" + encodeURIComponent(ed.path)));
  ed.fields = r.ok ? r.data : [];
  renderFields();
}

function renderFields() {
  const q = $("field-filter").value.trim().toLowerCase();
  const ul = $("fields");
  ul.replaceChildren();
  for (const f of ed.fields) {
    const label = f.kind === "placeholder" ? "{{" + f.name + "}}" : f.name;
    if (q.startsWith("{{")) {
      if (f.kind !== "placeholder" || !label.toLowerCase().startsWith(q)) continue;
    } else if (q && !(label + " " + f.meaning).toLowerCase().includes(q)) continue;
    const li = el("li", {class: "field " + f.kind},
      el("code", {}, label), el("span", {class: "fk"}, t(f.kind)),
      el("div", {class: "sub"}, f.meaning), f.value ? el("div", {class: "val"}, "= " + f.value) : null);
    li.addEventListener("click", () => insertAtCursor(f.kind === "placeholder" ? "{{" + f.name + "}}" : f.kind === "wording" ? f.name + ": " : f.name.replace(/\[\]/g, "").split(".").pop() + ": "));
    ul.append(li);
  }
}

function insertAtCursor(s) {
  const ta = $("text");
  let a = ta.selectionStart;
  const b = ta.selectionEnd;
  if (s.startsWith("{{") && ta.value.slice(0, a).endsWith("{{")) a -= 2; // "{{" typed already
  else if (s.startsWith("{{") && ta.value.slice(0, a).endsWith("{")) a -= 1;
  ta.setRangeText(s, a, b, "end");
  ta.focus();
  onInput();
}

function onInput() {
  // "{{" typed: the placeholders of the kind are offered.
  const ta = $("text");
  if (ta.selectionStart === ta.selectionEnd && ta.value.slice(0, ta.selectionStart).endsWith("{{")) {
    showTab("fields");
    $("field-filter").value = "{{";
    renderFields();
  }
  updateGutter();
  updateState();
  scheduleCheck();
}

function showTab(name) {
  for (const n of ["preview", "pdf", "fields"]) {
    $("pane-" + n).hidden = n !== name;
    $("tab-" + n).classList.toggle("on", n === name);
  }
  if (name === "pdf") showPDF();
}

function showPDF() {
  if (ed.isNew) return;
  $("pdf").src = "/api/download?format=pdf&inline=1&path=" + encodeURIComponent(ed.path) + "&v=" + encodeURIComponent(ed.version);
}

// --- routing ------------------------------------------------------------------------------------------

function route() {
  banner(null);
  const h = location.hash;
  if (h.startsWith("#/edit/")) {
    openFile(decodeURIComponent(h.slice(7)));
  } else {
    showOverview();
  }
}

window.addEventListener("hashchange", () => {
  route();
});
window.addEventListener("beforeunload", (e) => { if (dirty()) { e.preventDefault(); e.returnValue = t("leave"); } });

document.addEventListener("DOMContentLoaded", () => {
  applyLang();
  $("lang-vi").addEventListener("click", () => { lang = "vi"; localStorage.setItem("vanban-lang", lang); applyLang(); renderOverview(); updateState(); renderFields(); updateGutter(); if (ed.path) check(); });
  $("lang-en").addEventListener("click", () => { lang = "en"; localStorage.setItem("vanban-lang", lang); applyLang(); renderOverview(); updateState(); renderFields(); updateGutter(); if (ed.path) check(); });
  const ta = $("text");
  ta.addEventListener("input", onInput);
  ta.addEventListener("scroll", () => { $("gutter").scrollTop = ta.scrollTop; });
  ta.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey) { e.preventDefault(); ta.setRangeText("  ", ta.selectionStart, ta.selectionEnd, "end"); onInput(); }
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  $("save").addEventListener("click", save);
  $("dl-docx").addEventListener("click", () => download("/api/download?format=docx&path=" + encodeURIComponent(ed.path)));
  $("dl-pdf").addEventListener("click", () => download("/api/download?format=pdf&path=" + encodeURIComponent(ed.path)));
  $("dl-zip").addEventListener("click", () => download("/api/download?format=zip"));
  $("dl-ics").addEventListener("click", () => download("/api/download?format=ics"));
  $("tab-preview").addEventListener("click", () => showTab("preview"));
  $("tab-pdf").addEventListener("click", () => showTab("pdf"));
  $("tab-fields").addEventListener("click", () => showTab("fields"));
  $("field-filter").addEventListener("input", renderFields);
  for (const [id, kind] of [["starter-ubnd", "ubnd-xa"], ["starter-dang", "dang-uy-xa"]]) {
    $(id).addEventListener("click", async () => {
      const r = await api("POST", "/api/starter?kind=" + kind);
      if (!r.ok) { banner(r.data.error); return; }
      showOverview();
    });
  }
  $("new-file").addEventListener("submit", async (e) => {
    e.preventDefault();
    let name = $("new-name").value.trim();
    if (!/\.ya?ml$/i.test(name)) name += ".yaml";
    const kind = $("new-kind").value;
    const r = await api("GET", "/api/skeleton?kind=" + encodeURIComponent(kind) + "&path=" + encodeURIComponent(name));
    if (!r.ok) { banner(r.data.error); return; }
    startEditing(r.data, true);
    location.hash = "#/edit/" + encodeURIComponent(name);
  });
  route();
});
