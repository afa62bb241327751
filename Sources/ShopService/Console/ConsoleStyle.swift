/// The console's one style sheet (`/console/console.css`): plain CSS, no web fonts.
enum ConsoleStyle {
    static let css = #"""
:root { --fg: #1d232b; --muted: #5d6b7a; --line: #d5dbe2; --bg: #f6f8fa; --accent: #1f6feb; --pos: #1a7f37; --neg: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 8px 16px; background: #fff; border-bottom: 1px solid var(--line); }
header.top nav { display: flex; gap: 12px; }
header.top nav a[aria-current] { font-weight: 600; text-decoration: underline; }
.brand { font-size: 16px; }
.models { color: var(--muted); font-size: 12px; font-family: ui-monospace, monospace; flex: 1; }
a { color: var(--accent); text-decoration: none; }
main { padding: 12px 16px; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 20px; margin: 4px 0 12px; }
h2 { font-size: 16px; margin: 8px 0; }
.pane { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px; margin-bottom: 12px; }
.two { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
input[type=text], textarea { width: 100%; padding: 6px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
#send-form input { flex: 1; width: auto; }
button { padding: 5px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
button:hover { border-color: var(--accent); }
button[type=submit], #describe, #analyse { background: var(--accent); color: #fff; border-color: var(--accent); }
.hint { color: var(--muted); font-size: 12px; }
.msg { min-height: 0; margin: 4px 0; color: var(--neg); font-weight: 500; }
.msg.ok { color: var(--pos); }
.msg:empty { display: none; }
.log { list-style: none; padding: 0; margin: 8px 0; max-height: 420px; overflow-y: auto; border: 1px solid var(--line); border-radius: 4px; min-height: 120px; background: var(--bg); }
.log li { margin: 6px 8px; padding: 6px 10px; border-radius: 8px; max-width: 85%; white-space: pre-wrap; }
.log li.user { background: #dbeafe; margin-left: auto; }
.log li.bot { background: #fff; border: 1px solid var(--line); cursor: pointer; }
.log li.bot.selected { outline: 2px solid var(--accent); }
.log li.divider { background: none; color: var(--muted); font-size: 12px; text-align: center; max-width: none; }
.log li .tag { display: inline-block; font-size: 11px; color: var(--muted); margin-left: 6px; }
.debug dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 0; }
.debug dt { color: var(--muted); }
.debug dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; word-break: break-word; }
.bar { display: inline-block; height: 8px; background: var(--accent); vertical-align: middle; margin-right: 4px; }
.replay { list-style: none; padding: 0; }
.replay li { padding: 3px 6px; border-left: 4px solid var(--line); margin: 2px 0; font-size: 13px; }
.replay li.pass { border-color: var(--pos); }
.replay li.fail { border-color: var(--neg); background: #fff0f0; }
.replay li.conv-title { border: none; font-weight: 600; margin-top: 8px; }
.replay .why { color: var(--neg); font-size: 12px; display: block; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
table.grid th { background: var(--bg); font-weight: 600; }
.label-positive { color: var(--pos); font-weight: 600; }
.label-negative { color: var(--neg); font-weight: 600; }
mark { background: #fff3b0; padding: 0 1px; border-radius: 2px; }
mark.fact { background: #d7f5dd; }
mark.lint { background: #ffd6d6; text-decoration: underline wavy var(--neg); }
mark.decide-pos { background: #c8f0d0; }
mark.decide-neg { background: #ffd0d0; }
.blurb { min-height: 2em; padding: 4px; border: 1px dashed transparent; border-radius: 4px; white-space: pre-wrap; }
.blurb:focus { outline: none; border-color: var(--accent); background: #fff; }
.preview { font-size: 12px; color: var(--muted); margin-top: 2px; }
.lint-ok { color: var(--pos); }
.lint-bad { color: var(--neg); }
.errors { color: var(--warn); font-size: 12px; margin: 4px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; margin-bottom: 12px; }
.charts figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
.charts figcaption { font-weight: 600; margin-bottom: 6px; }
.charts svg { width: 100%; height: auto; display: block; }
.examples { font-size: 12px; color: var(--muted); padding-left: 18px; }
.cards li { margin: 8px 0; }
progress { width: 200px; }
@media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
"""#
}
