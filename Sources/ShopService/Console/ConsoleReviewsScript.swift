/// `/console/reviews.js`: the review analyser — reviews in (paste or file: text, CSV, JSON
/// Lines), tagged through `/v1/sentiment` in batches with progress, a paged table with the
/// deciding words highlighted, inline-SVG charts, and downloads of records and chart data.
enum ConsoleReviewsScript {
    static let js = #"""
'use strict';
(function () {
  const TEXT_KEYS = ['text', 'review', 'reviewtext', 'review_text', 'content', 'comment', 'body', 'sentence'];
  const DATE_KEYS = ['date', 'time', 'created_at', 'createdat', 'timestamp', 'reviewtime', 'review_date', 'day'];
  const PAGE = 50;
  const MAX_FILE = 20 << 20;
  let records = [];  // {id, text, date?, result?, tokens?}
  let chartData = null;
  let page = 0;

  function keyOf(obj, keys) {
    for (const k of Object.keys(obj)) if (keys.includes(k.toLowerCase())) return k;
    return null;
  }

  function dateOf(v) {
    if (v === undefined || v === null || v === '') return null;
    let t = typeof v === 'number' ? (v < 1e11 ? v * 1000 : v) : Date.parse(String(v).trim().replace(/\//g, '-'));
    if (!isFinite(t)) return null;
    const d = new Date(t);
    return d.getUTCFullYear() > 1990 && d.getUTCFullYear() < 2100 ? d.toISOString().slice(0, 10) : null;
  }

  /** Reviews from text in `format` ('' = detect); throws with a message when none can be read. */
  function parse(text, format, name) {
    const n = (name || '').toLowerCase();
    if (!format) {
      if (n.endsWith('.csv')) format = 'csv';
      else if (n.endsWith('.jsonl') || n.endsWith('.json') || n.endsWith('.ndjson')) format = 'jsonl';
      else if (n.endsWith('.txt')) format = 'text';
      else {
        const first = text.trimStart().split('\n')[0];
        if (first.startsWith('{')) format = 'jsonl';
        else if (first.includes(',') && first.toLowerCase().split(',').some((h) => TEXT_KEYS.includes(h.trim().replace(/"/g, '')))) format = 'csv';
        else format = 'text';
      }
    }
    const out = [], bad = [];
    if (format === 'text') {
      text.split('\n').forEach((line, i) => { const t = line.trim(); if (t) out.push({ id: out.length + 1, line: i + 1, text: t }); });
    } else if (format === 'jsonl') {
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        let o;
        try { o = JSON.parse(line); } catch (_) { bad.push('line ' + (i + 1) + ': not valid JSON'); return; }
        if (!o || typeof o !== 'object' || Array.isArray(o)) { bad.push('line ' + (i + 1) + ': not a JSON object'); return; }
        const tk = keyOf(o, TEXT_KEYS);
        if (!tk || typeof o[tk] !== 'string' || !o[tk].trim()) { bad.push('line ' + (i + 1) + ': no review text (a "text" member)'); return; }
        const dk = keyOf(o, DATE_KEYS);
        out.push({ id: o.id !== undefined ? o.id : out.length + 1, line: i + 1, text: o[tk].trim(), date: dk ? dateOf(o[dk]) : null });
      });
    } else if (format === 'csv') {
      const rows = SN.parseCSV(text);
      if (rows.length < 2) throw new Error('the CSV has no rows under its header (a header with a text column, then one review per row)');
      const header = rows[0].map((h) => h.trim().toLowerCase());
      let tc = header.findIndex((h) => TEXT_KEYS.includes(h));
      if (tc < 0 && header.length === 1) tc = 0;
      if (tc < 0) throw new Error('the CSV has no text column: name one text, review, content, comment or body (header: ' + rows[0].slice(0, 6).join(', ') + ')');
      const dc = header.findIndex((h) => DATE_KEYS.includes(h));
      const ic = header.indexOf('id');
      rows.slice(1).forEach((r, i) => {
        const t = (r[tc] || '').trim();
        if (!t) { bad.push('row ' + (i + 2) + ': empty text'); return; }
        out.push({ id: ic >= 0 && r[ic] ? r[ic] : out.length + 1, line: i + 2, text: t, date: dc >= 0 ? dateOf(r[dc]) : null });
      });
    } else throw new Error('unknown format ' + format);
    const label = { text: 'text', jsonl: 'JSON Lines', csv: 'CSV' }[format];
    if (!out.length) throw new Error('no review could be read as ' + label + (bad.length ? ': ' + bad.slice(0, 3).join('; ') : ''));
    return { records: out, bad, format: label };
  }

  /** Bytes of a string inside a JSON body, without allocating (a Blob per review costs the
   *  browser a round trip each): UTF-8, escapes counted. */
  function jsonBytes(s) {
    let n = 2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      n += c === 34 || c === 92 ? 2 : c < 0x20 ? 6 : c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c < 0xDC00) ? 2 : 3;
    }
    return n;
  }

  /** Batches that fit the server's limits (items and bytes). */
  function batches(recs) {
    const maxItems = Math.min(SN.limits.max_batch, 500), maxBytes = Math.floor(SN.limits.max_body * 0.8);
    const out = [];
    let cur = [], bytes = 64;
    for (const r of recs) {
      const b = jsonBytes(r.text) + 40;
      if (cur.length && (cur.length >= maxItems || bytes + b > maxBytes)) { out.push(cur); cur = []; bytes = 64; }
      cur.push(r); bytes += b;
    }
    if (cur.length) out.push(cur);
    return out;
  }

  async function tagAll(recs, onProgress) {
    const queue = batches(recs);
    let done = 0;
    async function worker() {
      while (queue.length) {
        const batch = queue.shift();
        const r = await SN.api('POST', '/v1/sentiment', { records: batch.map((x, k) => ({ id: k, text: x.text })), aspects: true });
        r.results.forEach((res, k) => { batch[k].result = res; });
        done += batch.length;
        onProgress(done);
      }
    }
    // three requests in flight: while one is parsed or answered, two use the compute threads
    await Promise.all([worker(), worker(), worker()]);
  }

  const isPos = (r) => r.result && r.result.label === 'positive';
  const isNeg = (r) => r.result && r.result.label === 'negative';

  function sentenceWith(text, term) {
    const parts = text.split(/(?<=[。！？!?；;.])\s*/);
    return (parts.find((p) => p.toLowerCase().includes(term.toLowerCase())) || text).slice(0, 160);
  }

  function computeCharts() {
    const tagged = records.filter((r) => r.result && !r.result.error);
    const pos = tagged.filter(isPos).length;
    const aspects = new Map();
    for (const r of tagged) {
      for (const a of r.result.aspects || []) {
        const e = aspects.get(a.aspect) || { aspect: a.aspect, positive: 0, negative: 0, neutral: 0, examples: [] };
        if (a.polarity === 'positive') e.positive++; else if (a.polarity === 'negative') { e.negative++; if (e.examples.length < 3) e.examples.push(sentenceWith(r.text, a.term)); } else e.neutral++;
        aspects.set(a.aspect, e);
      }
    }
    const byAspect = [...aspects.values()].sort((a, b) => (b.positive + b.negative) - (a.positive + a.negative)).slice(0, 10);
    const complaints = [...aspects.values()].filter((a) => a.negative > 0).sort((a, b) => b.negative - a.negative).slice(0, 5);
    const periods = new Map();
    const dated = tagged.filter((r) => r.date);
    if (dated.length) {
      const days = dated.map((r) => r.date).sort();
      const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86400000;
      const key = (d) => span > 90 ? d.slice(0, 7) : d;
      for (const r of dated) { const k = key(r.date); const p = periods.get(k) || { period: k, positive: 0, total: 0 }; p.total++; if (isPos(r)) p.positive++; periods.set(k, p); }
    }
    const trend = [...periods.values()].sort((a, b) => a.period < b.period ? -1 : 1).map((p) => ({ ...p, share: p.positive / p.total }));
    return { total: tagged.length, positive: pos, negative: tagged.length - pos, share_positive: tagged.length ? pos / tagged.length : 0, by_aspect: byAspect, complaints, trend, failed: records.length - tagged.length };
  }

  const W = 420;
  function svg(h, ...kids) { return SN.h('svg', { viewBox: '0 0 ' + W + ' ' + h, width: W, height: h, role: 'img' }, ...kids); }
  function text(x, y, s, attrs) { return SN.h('text', Object.assign({ x, y, 'font-size': 12, fill: '#1d232b' }, attrs || {}), s); }

  function drawShare(d) {
    const w = Math.round((W - 20) * d.share_positive);
    return svg(60,
      SN.h('rect', { x: 10, y: 10, width: W - 20, height: 22, fill: '#cf222e', rx: 3 }),
      SN.h('rect', { x: 10, y: 10, width: w, height: 22, fill: '#1a7f37', rx: 3 }, SN.h('title', {}, d.positive + ' positive')),
      text(10, 50, (d.share_positive * 100).toFixed(1) + '% positive (' + d.positive.toLocaleString() + ' of ' + d.total.toLocaleString() + '), ' + d.negative.toLocaleString() + ' negative'));
  }

  function drawAspects(list) {
    const rowH = 22, h = Math.max(40, list.length * rowH + 30);
    const max = Math.max(1, ...list.map((a) => Math.max(a.positive, a.negative)));
    const mid = 230, half = (W - mid - 10) / 2;
    const kids = [text(mid - half + 4, 14, 'negative', { 'font-size': 11, fill: '#cf222e' }), text(mid + 4, 14, 'positive', { 'font-size': 11, fill: '#1a7f37' })];
    list.forEach((a, i) => {
      const y = 22 + i * rowH;
      const nw = half * a.negative / max, pw = half * a.positive / max;
      kids.push(text(4, y + 13, a.aspect.length > 16 ? a.aspect.slice(0, 15) + '…' : a.aspect),
        SN.h('rect', { x: mid - nw, y, width: nw, height: 16, fill: '#cf222e' }, SN.h('title', {}, a.aspect + ': ' + a.negative + ' negative')),
        SN.h('rect', { x: mid, y, width: pw, height: 16, fill: '#1a7f37' }, SN.h('title', {}, a.aspect + ': ' + a.positive + ' positive')),
        text(mid + pw + 3, y + 12, String(a.positive), { 'font-size': 10 }), text(Math.max(120, mid - nw - 24), y + 12, String(a.negative), { 'font-size': 10 }));
    });
    if (!list.length) kids.push(text(10, 34, 'No aspects found in these reviews.'));
    return svg(h, ...kids);
  }

  function drawComplaints(list) {
    const rowH = 22, h = Math.max(40, list.length * rowH + 10);
    const max = Math.max(1, ...list.map((a) => a.negative));
    const kids = [];
    list.forEach((a, i) => {
      const y = 6 + i * rowH, w = (W - 170) * a.negative / max;
      kids.push(text(4, y + 13, a.aspect.length > 16 ? a.aspect.slice(0, 15) + '…' : a.aspect),
        SN.h('rect', { x: 130, y, width: w, height: 16, fill: '#cf222e' }), text(134 + w, y + 12, String(a.negative), { 'font-size': 10 }));
    });
    if (!list.length) kids.push(text(10, 24, 'No complaints about an aspect.'));
    return svg(h, ...kids);
  }

  function drawTrend(list) {
    const h = 180, x0 = 40, y0 = 20, pw = W - x0 - 10, ph = 120;
    const step = list.length > 1 ? pw / (list.length - 1) : 0;
    const pts = list.map((p, i) => [x0 + i * step, y0 + ph * (1 - p.share)]);
    const kids = [SN.h('line', { x1: x0, y1: y0 + ph, x2: x0 + pw, y2: y0 + ph, stroke: '#d5dbe2' }), SN.h('line', { x1: x0, y1: y0, x2: x0, y2: y0 + ph, stroke: '#d5dbe2' }),
      text(2, y0 + 4, '100%', { 'font-size': 10 }), text(8, y0 + ph, '0%', { 'font-size': 10 }),
      SN.h('polyline', { points: pts.map((p) => p.join(',')).join(' '), fill: 'none', stroke: '#1f6feb', 'stroke-width': 2 })];
    pts.forEach((p, i) => kids.push(SN.h('circle', { cx: p[0], cy: p[1], r: 3, fill: '#1f6feb' }, SN.h('title', {}, list[i].period + ': ' + (list[i].share * 100).toFixed(0) + '% of ' + list[i].total))));
    const every = Math.max(1, Math.ceil(list.length / 6));
    list.forEach((p, i) => { if (i % every === 0 || i === list.length - 1) kids.push(text(pts[i][0], y0 + ph + 16, p.period, { 'font-size': 10, 'text-anchor': i === 0 ? 'start' : i === list.length - 1 ? 'end' : 'middle' })); });
    return svg(h, ...kids);
  }

  function drawCharts() {
    chartData = computeCharts();
    SN.$('#chart-share').replaceChildren(drawShare(chartData));
    SN.$('#chart-aspects').replaceChildren(drawAspects(chartData.by_aspect));
    SN.$('#chart-complaints').replaceChildren(drawComplaints(chartData.complaints));
    SN.$('#complaint-examples').replaceChildren(...chartData.complaints.slice(0, 3).flatMap((a) => a.examples.slice(0, 1).map((s) => SN.h('li', {}, SN.h('strong', {}, a.aspect + ': '), '“' + s + '”'))));
    SN.$('#trend-figure').hidden = chartData.trend.length < 2;
    if (chartData.trend.length >= 2) SN.$('#chart-trend').replaceChildren(drawTrend(chartData.trend));
    SN.$('#charts').hidden = false;
  }

  async function explainPage() {
    const rows = records.slice(page * PAGE, page * PAGE + PAGE).filter((r) => r.result && !r.result.error && !r.tokens);
    if (!rows.length) return;
    try {
      const r = await SN.api('POST', '/v1/sentiment', { records: rows.map((x, k) => ({ id: k, text: x.text })), explain: true });
      r.results.forEach((res, k) => { rows[k].tokens = res.tokens || []; });
    } catch (err) { SN.say('reviews-msg', 'Could not explain this page: ' + SN.errorText(err)); }
  }

  function drawTable() {
    const tbody = SN.$('#reviews-table tbody');
    tbody.replaceChildren();
    const pages = Math.max(1, Math.ceil(records.length / PAGE));
    SN.$('#page-info').textContent = ' page ' + (page + 1) + ' of ' + pages + ' ';
    SN.$('#prev').disabled = page === 0;
    SN.$('#next').disabled = page >= pages - 1;
    for (const r of records.slice(page * PAGE, page * PAGE + PAGE)) {
      const res = r.result || {};
      if (res.error) { tbody.append(SN.h('tr', {}, SN.h('td', {}, String(r.id)), SN.h('td', { colspan: 4, class: 'lint-bad' }, res.error))); continue; }
      const cls = res.label === 'positive' ? 'decide-pos' : 'decide-neg';
      const tokens = (r.tokens || []).filter((t) => t.weight > 0).map((t) => t.text);
      const review = SN.h('td', { class: 'review' }, SN.highlight(r.text, SN.findAll(r.text, tokens, cls, () => 'decided the label')));
      const aspects = (res.aspects || []).map((a) => a.term + ' (' + a.aspect + ') ' + (a.polarity === 'positive' ? '+' : a.polarity === 'negative' ? '−' : '·')).join(', ');
      tbody.append(SN.h('tr', { 'data-label': res.label },
        SN.h('td', {}, String(r.id)), SN.h('td', { class: 'label-' + res.label }, res.label),
        SN.h('td', {}, typeof res.score === 'number' ? res.score.toFixed(3) : ''), review, SN.h('td', {}, aspects || '—')));
    }
  }

  async function showPage(p) {
    page = p;
    drawTable();
    await explainPage();
    drawTable();
  }
  SN.$('#prev').addEventListener('click', () => showPage(Math.max(0, page - 1)));
  SN.$('#next').addEventListener('click', () => showPage(page + 1));

  SN.$('#analyse').addEventListener('click', async () => {
    SN.say('reviews-msg', '');
    const t0 = performance.now();
    const file = SN.$('#reviews-file').files[0];
    let parsed, name;
    try {
      let text;
      if (file) { name = file.name; text = await SN.readTextFile(file, MAX_FILE); } else {
        name = 'pasted text';
        text = SN.$('#reviews-text').value;
        if (!text.trim()) throw new Error('Paste reviews or choose a file first.');
      }
      parsed = parse(text, SN.$('#reviews-format').value, file && file.name);
    } catch (err) { SN.say('reviews-msg', (name ? name + ': ' : '') + err.message); return; }
    const tParsed = performance.now();
    const progress = SN.$('#reviews-progress'), status = SN.$('#reviews-status');
    progress.hidden = false; progress.max = parsed.records.length; progress.value = 0;
    SN.$('#analyse').disabled = true;
    try {
      await tagAll(parsed.records, (done) => { progress.value = done; status.textContent = 'tagging… ' + done.toLocaleString() + ' / ' + parsed.records.length.toLocaleString(); });
      const tTagged = performance.now();
      records = parsed.records;
      drawCharts();
      SN.$('#table-pane').hidden = false;
      page = 0;
      drawTable();
      const ms = performance.now() - t0;
      status.textContent = 'Tagged ' + records.length.toLocaleString() + ' reviews (' + parsed.format + ') in ' + (ms / 1000).toFixed(2) + ' s.';
      status.dataset.ms = String(Math.round(ms));
      status.dataset.count = String(records.length);
      // where the time went (read + parse, tagging round trips, charts + table), for the benchmark
      status.dataset.split = [tParsed - t0, tTagged - tParsed, performance.now() - tTagged].map((x) => Math.round(x)).join('/');
      if (parsed.bad.length) SN.say('reviews-msg', name + ': ' + parsed.bad.length + ' record(s) skipped — ' + parsed.bad.slice(0, 3).join('; '));
      await showPage(0);
    } catch (err) {
      SN.say('reviews-msg', name + ': ' + SN.errorText(err) + ' (the previous results are kept)');
      status.textContent = '';
    } finally {
      progress.hidden = true;
      SN.$('#analyse').disabled = false;
    }
  });

  SN.$('#download-records').addEventListener('click', () => {
    const lines = records.map((r) => JSON.stringify({ id: r.id, text: r.text, date: r.date || undefined, label: r.result && r.result.label, score: r.result && r.result.score, aspects: r.result && r.result.aspects, error: r.result && r.result.error }));
    SN.download('reviews-tagged.jsonl', lines.join('\n') + '\n', 'application/x-ndjson');
  });
  SN.$('#download-charts').addEventListener('click', () => { SN.download('review-charts.json', JSON.stringify(chartData, null, 2) + '\n', 'application/json'); });
})();
"""#
}
