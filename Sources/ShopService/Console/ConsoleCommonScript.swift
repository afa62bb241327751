/// `/console/console.js`: what every page shares — the header's model versions, JSON calls
/// that turn the service's error bodies into messages, file reading that refuses empty and
/// non-UTF-8 files, a CSV parser, downloads, and an error collector the browser tests read.
enum ConsoleCommonScript {
    static let js = #"""
'use strict';
// Uncaught errors are kept where the browser tests can read them (window.SN.errors).
window.SN = window.SN || {};
SN.errors = [];
window.addEventListener('error', (e) => { SN.errors.push(String(e.message || e)); });
window.addEventListener('unhandledrejection', (e) => { SN.errors.push(String((e.reason && e.reason.message) || e.reason)); });

SN.limits = { max_body: 1 << 20, max_batch: 1024 };

/** An element: SN.h('td', {class: 'x'}, 'text', child…). */
SN.h = function (tag, attrs, ...kids) {
  const svg = ['svg', 'rect', 'line', 'text', 'g', 'polyline', 'circle', 'path', 'title'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v; else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === undefined || kid === null) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
};
SN.$ = (sel) => document.querySelector(sel);

/** A failed call: `status` 0 when the server could not be reached. */
SN.ApiError = class extends Error {
  constructor(status, message, field) { super(message); this.status = status; this.field = field; }
};

/** A JSON call; errors become SN.ApiError with the service's message and field. */
SN.api = async function (method, path, body, options) {
  const init = { method, headers: {} };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = typeof body === 'string' ? body : JSON.stringify(body); }
  let res;
  try { res = await fetch(path, init); } catch (e) {
    throw new SN.ApiError(0, 'the server did not answer (it may have refused a body this large, or be down): ' + e.message, null);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.trim() || res.statusText, field = null;
    try { const j = JSON.parse(text); message = j.error.message; field = j.error.field || null; } catch (_) { /* not JSON */ }
    if (res.status === 413) message = 'too large for the server: ' + message;
    throw new SN.ApiError(res.status, message, field);
  }
  return options && options.text ? text : JSON.parse(text);
};

/** Shows a message beside a control (`kind` 'ok' for good news); '' clears it. */
SN.say = function (id, message, kind) {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = message || '';
  el.classList.toggle('ok', kind === 'ok');
};

SN.errorText = (e) => (e instanceof SN.ApiError && e.status ? 'Error ' + e.status + (e.field ? ' (' + e.field + ')' : '') + ': ' : '') + e.message;

/**
 * A chosen file's text. Refuses, with a message naming the file: an empty file, a file over
 * `maxBytes` (when given), and bytes that are not UTF-8 (naming the first bad line).
 */
SN.readTextFile = async function (file, maxBytes) {
  if (file.size === 0) throw new Error(file.name + ' is empty');
  if (maxBytes && file.size > maxBytes) {
    throw new Error(file.name + ' is ' + SN.size(file.size) + '; the most this page takes is ' + SN.size(maxBytes));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.trim()) throw new Error(file.name + ' is empty (only white space)');
    return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : loose.slice(0, bad).split('\n').length;
    throw new Error(file.name + ' is not valid UTF-8 text (first bad bytes on line ' + line + '); save it as UTF-8 and try again');
  }
};

SN.size = (n) => n >= 1 << 20 ? (n / (1 << 20)).toFixed(1) + ' MB' : n >= 1024 ? (n / 1024).toFixed(1) + ' KB' : n + ' bytes';

/** RFC 4180 CSV: quoted fields, doubled quotes, CR LF; returns rows of strings. */
SN.parseCSV = function (text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i += 2; continue; } quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r') { i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0].trim() !== '');
};

/** One CSV field, quoted when it needs to be. */
SN.csvField = (v) => { const s = v === undefined || v === null ? '' : String(v); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };

/** Saves text as a file through the browser's download. */
SN.download = function (name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: type || 'text/plain;charset=utf-8' }));
  const a = SN.h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};

/** Wraps each [start, end) range of `text` (UTF-16 offsets, non-overlapping after sorting) in a <mark>. */
SN.highlight = function (text, ranges) {
  const out = [];
  let at = 0;
  for (const r of ranges.slice().sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (r.start < at || r.end <= r.start) continue;
    out.push(text.slice(at, r.start), SN.h('mark', { class: r.cls, title: r.title }, text.slice(r.start, r.end)));
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
};

/** Every occurrence of each needle (case-insensitive for Latin letters) as ranges. */
SN.findAll = function (text, needles, cls, title) {
  const lower = text.toLowerCase(), ranges = [];
  for (const n of needles) {
    if (!n) continue;
    const ln = String(n).toLowerCase();
    for (let i = lower.indexOf(ln); i >= 0; i = lower.indexOf(ln, i + ln.length)) ranges.push({ start: i, end: i + ln.length, cls, title: title ? title(n) : undefined });
  }
  return ranges;
};

// The header: model versions from /readyz, and the limits the batches are sized by.
SN.ready = (async function () {
  const el = SN.$('#models');
  try {
    const r = await SN.api('GET', '/readyz');
    if (r.limits) SN.limits = r.limits;
    const text = r.models.map((m) => m.name + ' ' + m.version.slice(0, 8)).join(' · ');
    if (el) { el.textContent = 'models: ' + text; el.title = r.models.map((m) => m.name + ' ' + m.file + ' ' + m.version).join('\n'); }
    const ready = SN.$('#ready');
    if (ready) ready.textContent = 'Models loaded ' + r.loaded_at + '; ' + r.models.length + ' model files.';
    return r;
  } catch (e) {
    if (el) el.textContent = 'models: ' + (e.status === 503 ? 'still loading — reload the page in a moment' : 'unknown (' + e.message + ')');
    return null;
  }
})();
"""#
}
