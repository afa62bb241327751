/// The body markup of each console page (the scripts fill it in). Every control that can
/// refuse input has a message line beside it (`…-msg`, `role="alert"`).
enum ConsoleMarkup {
    static let home = #"""
    <h1>ShopNLP console</h1>
    <p>Tools for the people who work with the models, served by <code>shopnlp serve</code> from the same process and models as the API.</p>
    <ul class="cards">
      <li><a href="/chat"><strong>Bot tester</strong></a> — talk to the support bot and see what it understood each turn; replay <code>.conv</code> tests; export a conversation as a test or a redacted transcript; correct an intent.</li>
      <li><a href="/copy"><strong>Blurb studio</strong></a> — paste or upload products (JSON Lines, CSV, Google Merchant XML), get blurbs with the stated facts highlighted and lint warnings, edit them, export CSV or JSON Lines.</li>
      <li><a href="/reviews"><strong>Review analyser</strong></a> — paste or upload reviews (text, CSV, JSON Lines): labels, scores, the deciding words, aspects and charts.</li>
    </ul>
    <p id="ready" class="hint">Checking the models…</p>
"""#

    static let chat = #"""
    <h1>Bot tester</h1>
    <div class="two">
      <section class="pane">
        <div class="row">
          <label>Reply language <select id="lang"><option value="">follow the message</option><option value="zh">中文 (zh)</option><option value="en">English (en)</option></select></label>
          <button id="new-session" type="button">New session</button>
          <button id="reset" type="button">Reset</button>
          <span id="session" class="hint">no session yet</span>
        </div>
        <ol id="log" class="log" aria-live="polite"></ol>
        <form id="send-form" class="row">
          <input id="message" type="text" autocomplete="off" placeholder="Type a customer message… (我的订单到哪了 / where is my order)" maxlength="4000">
          <button id="send" type="submit">Send</button>
        </form>
        <p id="chat-msg" class="msg" role="alert"></p>
        <div class="row">
          <label>Correct the last turn's intent <select id="correct-intent"></select></label>
          <button id="correct" type="button">Save as example</button>
        </div>
        <p id="correct-msg" class="msg" role="alert"></p>
        <div class="row">
          <button id="export-conv" type="button">Export as .conv test</button>
          <button id="export-transcript" type="button">Export redacted transcript</button>
        </div>
        <p id="export-msg" class="msg" role="alert"></p>
        <h2>Replay a .conv test</h2>
        <div class="row"><input id="conv-file" type="file" accept=".conv,.txt,text/plain"></div>
        <p id="conv-msg" class="msg" role="alert"></p>
        <p id="replay-summary" class="hint"></p>
        <ol id="replay" class="replay"></ol>
      </section>
      <aside class="pane debug" aria-label="Debug panel">
        <h2>Turn details</h2>
        <p class="hint">Click a reply to see that turn.</p>
        <dl id="debug"></dl>
      </aside>
    </div>
"""#

    static let copy = #"""
    <h1>Blurb studio</h1>
    <section class="pane">
      <div class="row">
        <label>Products file <input id="products-file" type="file" accept=".jsonl,.json,.csv,.xml,.rss,.txt"></label>
        <label>Reviews for highlights (optional) <input id="copy-reviews-file" type="file" accept=".jsonl,.json" title="JSON Lines: product_id and text (or the tagger's aspects)"></label>
        <label>Format <select id="products-format"><option value="">from the file name</option><option value="jsonl">JSON Lines</option><option value="csv">CSV</option><option value="xml">Google Merchant XML</option></select></label>
      </div>
      <textarea id="products-text" rows="5" placeholder='Or paste products here: one JSON object per line, e.g. {"id":"p1","title":"纯棉T恤","brand":"优衣库","specs":{"材质":"纯棉"}}, or CSV with a header, or Merchant XML'></textarea>
      <div class="row">
        <label>Language <select id="copy-lang"><option value="">the product's</option><option value="zh">zh</option><option value="en">en</option></select></label>
        <label>Tone <select id="copy-tone"><option value="plain">plain</option><option value="lively">lively</option><option value="premium">premium</option></select></label>
        <label>Variants <input id="copy-variants" type="number" min="1" max="50" value="1"></label>
        <label>Max length <input id="copy-max" type="number" min="10" max="100000" placeholder="none"></label>
        <button id="describe" type="button">Write blurbs</button>
        <progress id="products-progress" max="1" value="0" hidden></progress>
      </div>
      <p id="products-msg" class="msg" role="alert"></p>
      <ul id="products-errors" class="errors"></ul>
    </section>
    <section class="pane">
      <div class="row">
        <h2>Blurbs</h2>
        <button id="export-csv" type="button">Export CSV</button>
        <button id="export-jsonl" type="button">Export JSON Lines</button>
        <span class="hint">Facts the blurb states are <mark class="fact">highlighted</mark>; banned terms are <mark class="lint">marked</mark>. Edit a blurb in place: lint runs again as you type.</span>
      </div>
      <p id="export-msg" class="msg" role="alert"></p>
      <table id="blurbs" class="grid"><thead><tr><th>Product</th><th>Blurb</th><th>Lint</th></tr></thead><tbody></tbody></table>
    </section>
"""#

    static let reviews = #"""
    <h1>Review analyser</h1>
    <section class="pane">
      <div class="row">
        <label>Reviews file <input id="reviews-file" type="file" accept=".txt,.csv,.jsonl,.json,text/plain,text/csv"></label>
        <label>Format <select id="reviews-format"><option value="">detect</option><option value="text">text (one per line)</option><option value="csv">CSV</option><option value="jsonl">JSON Lines</option></select></label>
      </div>
      <textarea id="reviews-text" rows="5" placeholder="Or paste reviews: one per line, or CSV with a header (text, date…), or JSON Lines ({&quot;text&quot;:…, &quot;date&quot;:…})"></textarea>
      <div class="row">
        <button id="analyse" type="button">Analyse</button>
        <progress id="reviews-progress" max="1" value="0" hidden></progress>
        <span id="reviews-status" class="hint"></span>
      </div>
      <p id="reviews-msg" class="msg" role="alert"></p>
    </section>
    <section id="charts" class="charts" hidden>
      <figure><figcaption>Share positive</figcaption><div id="chart-share"></div></figure>
      <figure><figcaption>Positive / negative by aspect</figcaption><div id="chart-aspects"></div></figure>
      <figure><figcaption>Most complained-about aspects</figcaption><div id="chart-complaints"></div><ul id="complaint-examples" class="examples"></ul></figure>
      <figure id="trend-figure" hidden><figcaption>Share positive over time</figcaption><div id="chart-trend"></div></figure>
    </section>
    <section class="pane" id="table-pane" hidden>
      <div class="row">
        <h2>Tagged reviews</h2>
        <button id="download-records" type="button">Download tagged records (JSON Lines)</button>
        <button id="download-charts" type="button">Download chart data (JSON)</button>
        <span id="pager" class="row"><button id="prev" type="button">‹ Prev</button><span id="page-info"></span><button id="next" type="button">Next ›</button></span>
      </div>
      <table id="reviews-table" class="grid"><thead><tr><th>#</th><th>Label</th><th>Score</th><th>Review (deciding words highlighted)</th><th>Aspects</th></tr></thead><tbody></tbody></table>
    </section>
"""#
}
