/// `/console/chat.js`: the bot tester — conversation pane, per-turn debug panel, language,
/// reset and new session, `.conv` replay, exports and intent correction.
enum ConsoleChatScript {
    static let js = #"""
'use strict';
(function () {
  let session = null;
  const turns = [];  // the server's answer for every bot reply shown, by index

  const log = SN.$('#log'), debug = SN.$('#debug');

  function showSession() { SN.$('#session').textContent = session ? 'session ' + session.slice(0, 8) + '…' : 'no session yet'; }

  function pct(x) { return (x * 100).toFixed(1) + '%'; }

  function showDebug(i) {
    const t = turns[i];
    for (const li of log.querySelectorAll('li.bot')) li.classList.toggle('selected', Number(li.dataset.turn) === i);
    debug.replaceChildren();
    const add = (name, value, key) => debug.append(SN.h('dt', {}, name), SN.h('dd', { 'data-field': key }, value));
    add('intent', t.intent + (t.classifier_intent && t.classifier_intent !== t.intent ? '  (classifier: ' + t.classifier_intent + ')' : ''), 'intent');
    add('confidence', pct(t.confidence), 'confidence');
    add('alternatives', (t.alternatives || []).map((a) => a.intent + ' ' + pct(a.confidence)).join(', ') || '—', 'alternatives');
    add('resolution', t.resolution || '—', 'resolution');
    add('entities', (t.entities || []).map((e) => e.type + '=' + e.value).join(', ') || '—', 'entities');
    add('slots', Object.entries(t.slots || {}).map(([k, v]) => k + '=' + v).join(', ') || '—', 'slots');
    add('asks for', t.asks || '—', 'asks');
    add('confirms', t.confirms || '—', 'confirms');
    add('choices', (t.choices || []).join(' / ') || '—', 'choices');
    add('urgency', t.urgency.toFixed(2) + (t.escalated ? ' (escalated)' : ''), 'urgency');
    add('handoff', t.handoff ? 'yes — handed to a human agent' : 'no', 'handoff');
    add('language', t.lang, 'lang');
    add('response variant', t.variant === undefined ? '—' : String(t.variant), 'variant');
    const max = Math.max(1e-6, ...(t.words || []).map((w) => Math.abs(w.weight)));
    const words = SN.h('dd', { 'data-field': 'words' });
    for (const w of (t.words || []).slice(0, 8)) {
      const bar = SN.h('span', { class: 'bar' });
      bar.style.width = Math.round(60 * Math.abs(w.weight) / max) + 'px';
      words.append(SN.h('div', {}, bar, w.word + ' ' + w.weight.toFixed(3)));
    }
    if (!words.childNodes.length) words.textContent = '—';
    debug.append(SN.h('dt', {}, 'weighted words'), words);
  }

  async function send(message) {
    const body = { message, explain: true };
    if (session) body.session = session;
    const lang = SN.$('#lang').value;
    if (lang) body.lang = lang;
    const t = await SN.api('POST', '/v1/chat', body);
    if (t.notice) log.append(SN.h('li', { class: 'divider' }, t.notice));
    session = t.session;
    showSession();
    log.append(SN.h('li', { class: 'user' }, message));
    const i = turns.push(t) - 1;
    const li = SN.h('li', { class: 'bot', 'data-turn': i, tabindex: 0 }, t.reply, SN.h('span', { class: 'tag' }, t.intent + ' ' + pct(t.confidence) + (t.handoff ? ' · handoff' : '')));
    li.addEventListener('click', () => showDebug(i));
    log.append(li);
    log.scrollTop = log.scrollHeight;
    showDebug(i);
  }

  SN.$('#send-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = SN.$('#message');
    const message = input.value.trim();
    if (!message) { SN.say('chat-msg', 'Type a message first.'); return; }
    SN.say('chat-msg', '');
    SN.$('#send').disabled = true;
    try { await send(message); input.value = ''; } catch (err) { SN.say('chat-msg', SN.errorText(err)); } finally { SN.$('#send').disabled = false; input.focus(); }
  });

  async function endSession() {
    if (!session) return;
    try { await SN.api('DELETE', '/v1/chat/' + encodeURIComponent(session)); } catch (_) { /* already gone */ }
    session = null;
    showSession();
  }
  SN.$('#new-session').addEventListener('click', async () => {
    await endSession();
    log.append(SN.h('li', { class: 'divider' }, '— new session —'));
    SN.say('chat-msg', 'New session: the next message starts a fresh conversation.', 'ok');
  });
  SN.$('#reset').addEventListener('click', async () => {
    await endSession();
    log.replaceChildren();
    debug.replaceChildren();
    turns.length = 0;
    SN.say('chat-msg', '');
  });

  async function exportAs(kind) {
    if (!session) { SN.say('export-msg', 'Nothing to export yet: send a message first.'); return; }
    try {
      const path = '/v1/chat/' + encodeURIComponent(session) + '/' + kind + (kind === 'conv' ? '?title=' + encodeURIComponent('console ' + new Date().toISOString().slice(0, 16)) : '');
      const text = await SN.api('GET', path, undefined, { text: true });
      SN.download(kind === 'conv' ? 'conversation.conv' : 'transcript-redacted.txt', text);
      SN.say('export-msg', kind === 'conv' ? 'Saved conversation.conv (customer data replaced by fictional data).' : 'Saved transcript-redacted.txt (customer data replaced by tags).', 'ok');
    } catch (err) { SN.say('export-msg', SN.errorText(err)); }
  }
  SN.$('#export-conv').addEventListener('click', () => exportAs('conv'));
  SN.$('#export-transcript').addEventListener('click', () => exportAs('transcript'));

  (async function loadIntents() {
    await SN.ready;
    try {
      const r = await SN.api('GET', '/v1/chat/intents');
      const sel = SN.$('#correct-intent');
      for (const it of r.intents) sel.append(SN.h('option', { value: it.name }, it.name + ' (' + it.domain + ')'));
    } catch (err) { SN.say('correct-msg', 'Could not list intents: ' + SN.errorText(err)); }
  })();

  SN.$('#correct').addEventListener('click', async () => {
    if (!session || !turns.length) { SN.say('correct-msg', 'Nothing to correct yet: send a message first.'); return; }
    const intent = SN.$('#correct-intent').value;
    try {
      const r = await SN.api('POST', '/v1/chat/' + encodeURIComponent(session) + '/correct', { intent });
      const bots = log.querySelectorAll('li.bot');
      const last = bots[bots.length - 1];
      if (last) last.querySelector('.tag').textContent += ' → corrected to ' + r.to;
      SN.say('correct-msg', 'Last turn re-labelled ' + r.from + ' → ' + r.to + '; the message (redacted) was saved to ' + r.pending_file + ' for review.', 'ok');
    } catch (err) { SN.say('correct-msg', SN.errorText(err)); }
  });

  SN.$('#conv-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    SN.say('conv-msg', '');
    let text;
    try { text = await SN.readTextFile(file, SN.limits.max_body); } catch (err) { SN.say('conv-msg', err.message); e.target.value = ''; return; }
    try {
      const r = await SN.api('POST', '/v1/chat/replay', { conv: text });
      const list = SN.$('#replay');
      list.replaceChildren();
      let title = null;
      for (const t of r.results) {
        if (t.conversation !== title) { title = t.conversation; list.append(SN.h('li', { class: 'conv-title' }, title)); }
        const li = SN.h('li', { class: t.passed ? 'pass' : 'fail', 'data-line': t.line },
          (t.passed ? '✓ ' : '✗ ') + 'line ' + t.line + ' > ' + t.message, SN.h('div', { class: 'hint' }, t.reply));
        for (const f of t.failures) li.append(SN.h('span', { class: 'why' }, f));
        list.append(li);
      }
      SN.$('#replay-summary').textContent = file.name + ': ' + r.passed + ' turns passed, ' + r.failed + ' failed.';
    } catch (err) { SN.say('conv-msg', file.name + ': ' + SN.errorText(err)); }
    e.target.value = '';
  });
  showSession();
})();
"""#
}
