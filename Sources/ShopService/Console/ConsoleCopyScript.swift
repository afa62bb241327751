/// `/console/copy.js`: the blurb studio — products in (file or paste, read on the server by
/// `describe`'s readers), blurbs out with stated facts and lint hits marked, edited in place
/// with lint re-run as you type, exported as CSV or JSON Lines.
enum ConsoleCopyScript {
    static let js = #"""
'use strict';
(function () {
  let rows = [];  // {id, title, variant, text, mentions, warnings, lint: {clean, hits}, error}
  const tbody = SN.$('#blurbs tbody');

  function formatFor(name, text) {
    const chosen = SN.$('#products-format').value;
    if (chosen) return chosen;
    const n = (name || '').toLowerCase();
    if (n.endsWith('.csv')) return 'csv';
    if (n.endsWith('.xml') || n.endsWith('.rss')) return 'xml';
    if (n.endsWith('.jsonl') || n.endsWith('.json')) return 'jsonl';
    const t = text.trimStart();
    if (t.startsWith('<')) return 'xml';
    if (t.startsWith('{')) return 'jsonl';
    return 'csv';
  }

  function rendered(row) {
    const ranges = SN.findAll(row.text, (row.mentions || []).map((m) => m.value), 'fact', (v) => 'stated fact: ' + ((row.mentions || []).find((m) => m.value === v) || {}).key);
    for (const h of (row.lint && row.lint.hits) || []) {
      // the service counts code points from 1; find the matched text near there
      const at = row.text.indexOf(h.matched);
      if (at >= 0) ranges.push({ start: at, end: at + h.matched.length, cls: 'lint', title: h.rule + ': ' + h.term });
    }
    // lint marks win over fact marks where they overlap
    const lint = ranges.filter((r) => r.cls === 'lint');
    return SN.highlight(row.text, ranges.filter((r) => r.cls === 'lint' || !lint.some((l) => r.start < l.end && l.start < r.end)));
  }

  function lintCell(row) {
    if (row.error) return SN.h('span', { class: 'lint-bad' }, row.error);
    const parts = [];
    if (!row.lint) parts.push(SN.h('span', { class: 'hint' }, 'checking…'));
    else if (row.lint.clean) parts.push(SN.h('span', { class: 'lint-ok' }, '✓ clean'));
    else parts.push(SN.h('span', { class: 'lint-bad' }, '⚠ ' + row.lint.hits.map((h) => h.matched + ' (' + h.rule + ')').join(', ')));
    for (const w of row.warnings || []) parts.push(SN.h('div', { class: 'hint' }, w));
    return parts;
  }

  async function lint(row) {
    try { row.lint = await SN.api('POST', '/v1/lint', { text: row.text }); } catch (err) { row.lint = { clean: false, hits: [], failed: SN.errorText(err) }; }
  }

  function render() {
    tbody.replaceChildren();
    rows.forEach((row, i) => {
      const tr = SN.h('tr', { 'data-row': i });
      const reviews = row.highlights === undefined ? null : SN.h('div', { class: 'hint highlights' }, row.reviews + ' reviews' + (row.highlights.length ? ': ' : ''),
        row.highlights.map((h) => (h.used ? '✓ ' : '') + h.aspect + ' ' + Math.round(h.positive_share * 100) + '% of ' + h.mentions).join(', '));
      tr.append(SN.h('td', {}, SN.h('strong', {}, row.title || row.id), SN.h('div', { class: 'hint' }, row.id + (row.variants > 1 ? ' · variant ' + (row.variant + 1) : '')), reviews));
      const cell = SN.h('td', {});
      if (row.error) cell.append(SN.h('span', { class: 'hint' }, '(no blurb)'));
      else {
        const edit = SN.h('div', { class: 'blurb', contenteditable: 'true', spellcheck: 'false' }, rendered(row));
        const preview = SN.h('div', { class: 'preview' });
        let timer = null;
        edit.addEventListener('input', () => {
          row.text = edit.textContent;
          row.lint = null;
          tr.children[2].replaceChildren(...[lintCell(row)].flat());
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const text = row.text;
            await lint(row);
            if (row.text !== text) return;  // typed again meanwhile: that run will answer
            tr.children[2].replaceChildren(...[lintCell(row)].flat());
            preview.replaceChildren(...rendered(row));
          }, 300);
        });
        cell.append(edit, preview);
      }
      tr.append(cell, SN.h('td', {}, lintCell(row)));
      tbody.append(tr);
    });
  }

  SN.$('#describe').addEventListener('click', async () => {
    SN.say('products-msg', '');
    const file = SN.$('#products-file').files[0];
    let text, name;
    try {
      if (file) { text = await SN.readTextFile(file); name = file.name; } else {
        text = SN.$('#products-text').value;
        name = 'pasted text';
        if (!text.trim()) throw new Error('Paste products or choose a file first.');
      }
    } catch (err) { SN.say('products-msg', err.message); return; }
    const body = { format: formatFor(file && file.name, text), content: text, tone: SN.$('#copy-tone').value, variants: Number(SN.$('#copy-variants').value) || 1 };
    const reviewsFile = SN.$('#copy-reviews-file').files[0];
    if (reviewsFile) {
      try { body.reviews = await SN.readTextFile(reviewsFile); } catch (err) { SN.say('products-msg', 'Reviews: ' + err.message); return; }
    }
    if (SN.$('#copy-lang').value) body.lang = SN.$('#copy-lang').value;
    if (SN.$('#copy-max').value) body.max_chars = Number(SN.$('#copy-max').value);
    const progress = SN.$('#products-progress');
    progress.hidden = false;
    progress.removeAttribute('value');
    SN.$('#describe').disabled = true;
    try {
      const r = await SN.api('POST', '/v1/describe/file', body);
      const next = [];
      for (const p of r.results) {
        if (!p.blurbs || !p.blurbs.length) { next.push({ id: p.id, title: p.product_title, variant: 0, variants: 1, text: '', error: p.error || 'no blurb', warnings: p.warnings }); continue; }
        p.blurbs.forEach((b, k) => next.push({ id: p.id, title: p.product_title, variant: k, variants: p.blurbs.length, text: b.text, mentions: b.mentions, warnings: p.warnings, chars: b.chars, highlights: p.highlights, reviews: p.reviews }));
      }
      rows = next;
      const errs = SN.$('#products-errors');
      errs.replaceChildren(...r.errors.map((e) => SN.h('li', {}, 'line ' + e.line + (e.field ? ' (' + e.field + ')' : '') + ': ' + e.message)));
      const summary = name + ': ' + r.results.length + ' product' + (r.results.length === 1 ? '' : 's') + ' described';
      if (r.errors.length) SN.say('products-msg', summary + '; ' + r.errors.length + ' skipped — ' + r.errors.map((e) => 'line ' + e.line + ': ' + e.message).slice(0, 3).join('; '));
      else SN.say('products-msg', summary + '.', 'ok');
      render();
      for (let i = 0; i < rows.length; i += 4) {
        await Promise.all(rows.slice(i, i + 4).filter((row) => !row.error).map(lint));
      }
      render();
    } catch (err) {
      SN.say('products-msg', name + ': ' + SN.errorText(err));
    } finally {
      progress.hidden = true;
      SN.$('#describe').disabled = false;
    }
  });

  function exportRows(kind) {
    if (!rows.length) { SN.say('export-msg', 'Nothing to export yet: write some blurbs first.'); return; }
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') {
      const lines = [['id', 'title', 'variant', 'blurb', 'facts', 'lint', 'warnings'].join(',')];
      for (const r of rows) {
        lines.push([r.id, r.title, r.variant + 1, r.text, (r.mentions || []).map((m) => m.key + '=' + m.value).join('; '),
          r.error ? 'error: ' + r.error : r.lint ? (r.lint.clean ? 'clean' : r.lint.hits.map((h) => h.matched).join('; ')) : '',
          (r.warnings || []).join('; ')].map(SN.csvField).join(','));
      }
      SN.download('blurbs-' + stamp + '.csv', '\uFEFF' + lines.join('\r\n') + '\r\n', 'text/csv;charset=utf-8');
    } else {
      const lines = rows.map((r) => JSON.stringify({ id: r.id, title: r.title, variant: r.variant + 1, text: r.text, facts: r.mentions || [], lint: r.lint ? r.lint.hits : null, warnings: r.warnings || [], error: r.error }));
      SN.download('blurbs-' + stamp + '.jsonl', lines.join('\n') + '\n', 'application/x-ndjson');
    }
    SN.say('export-msg', 'Exported ' + rows.length + ' blurbs as ' + (kind === 'csv' ? 'CSV' : 'JSON Lines') + '.', 'ok');
  }
  SN.$('#export-csv').addEventListener('click', () => exportRows('csv'));
  SN.$('#export-jsonl').addEventListener('click', () => exportRows('jsonl'));
})();
"""#
}
