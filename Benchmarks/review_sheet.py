#!/usr/bin/env python3
"""Writes a review sheet: 50 held-out AdvertiseGen blurbs and 50 catalogue blurbs, each beside the
record it was written from, for a person to read claim by claim (issue 19: "a reviewed list of 50
blurbs per language with 0 unsupported claims").

The sample is seeded (random.Random(SEED)), drawn from the same held-out split copy_metrics.py
scores, so a later run with another binary reviews the same products and a diff of two sheets
shows exactly which blurbs need reading again.

With --verdicts FILE (JSON: {"zh 3": {"blurb": …, "verdict": …}, …}) each blurb gets the verdict a
reader gave it, if the blurb is still the one that was read; a changed blurb is marked
"NOT READ" and counted, so a sheet never shows a verdict for text nobody read.
--record-verdicts NOTES.py writes such a file from the current blurbs and a reader's notes.

Usage: python3 Benchmarks/review_sheet.py [--shopnlp BIN] [--corpora DIR] [--out FILE] [--verdicts FILE]
"""
import argparse, csv, json, os, random, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copy_metrics import held_out  # the one held-out split, shared with the checker

SEED = 1905

def describe(cli, args):
    p = subprocess.run([cli, "describe"] + args, capture_output=True, text=True, timeout=900)
    if p.returncode != 0:
        sys.exit(f"review_sheet: describe failed: {p.stderr[-400:]}")
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shopnlp", default=".build/release/shopnlp")
    ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", "../shared/corpora"))
    ap.add_argument("--out", default="-")
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--verdicts", default="", help="JSON of verdicts to fill in (see above)")
    ap.add_argument("--record-verdicts", default="",
                    help="a Python file defining ZH and EN dicts {number: note}; blurbs without a note are 'ok'. Writes --verdicts")
    a = ap.parse_args()
    verdicts = json.load(open(a.verdicts, encoding="utf-8")) if a.verdicts and not a.record_verdicts else {}
    notes = {}
    if a.record_verdicts:
        scope = {}
        exec(open(a.record_verdicts, encoding="utf-8").read(), scope)
        notes = {"zh": scope.get("ZH", {}), "en": scope.get("EN", {})}
    recorded, unread = {}, 0
    def verdict(key, lang, n, text):
        nonlocal unread
        if notes:
            recorded[key] = {"blurb": text, "verdict": notes[lang].get(n, "ok")}
            return recorded[key]["verdict"]
        v = verdicts.get(key)
        if v is None:
            return ""
        if v["blurb"] != text:
            unread += 1
            return "NOT READ (the blurb changed since it was read)"
        return v["verdict"]
    rng = random.Random(SEED)
    adgen = os.path.join(a.corpora, "advertisegen/dev.json")
    lines = [json.loads(l) for l in open(adgen, encoding="utf-8") if l.strip()]
    zh_pick = sorted(rng.sample(sorted(held_out(len(lines))), a.count))
    by_line = {}
    for r in describe(a.shopnlp, ["--products", adgen, "--format", "advertisegen"]):
        by_line[int(r["id"].rsplit("-", 1)[-1])] = r  # ids are adgen-<line>
    cat = os.path.join(a.corpora, "amazon_products_promptcloud_sample/test_sample_1000.csv")
    rows = list(csv.DictReader(open(cat, encoding="utf-8")))
    en_pick = sorted(rng.sample(range(len(rows)), a.count))
    by_id = {r["id"]: r for r in describe(a.shopnlp, ["--products", cat])}
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    w = out.write
    w(f"# Review sheet (seed {SEED}): {a.count} zh held-out + {a.count} en catalogue blurbs\n\n")
    for n, i in enumerate(zh_pick, 1):
        r = by_line.get(i + 1, {})
        text = r["blurbs"][0]["text"] if r.get("blurbs") else "(no blurb)"
        w(f"## zh {n} — AdvertiseGen dev.json line {i + 1}\n- record: {lines[i]['content']}\n- blurb: {text}\n"
          f"- verdict: {verdict(f'zh {n}', 'zh', n, text)}\n\n")
    for n, i in enumerate(en_pick, 1):
        src = rows[i]
        r = by_id.get(src["Uniq Id"], {})
        text = r["blurbs"][0]["text"] if r.get("blurbs") else "(no blurb)"
        facts = {k: src.get(k, "") for k in ("Product Name", "Brand Name", "Category", "Selling Price", "About Product", "Product Specification")}
        facts = {k: (v[:600] + "…" if len(v) > 600 else v) for k, v in facts.items() if v}
        w(f"## en {n} — catalogue row {i + 2} ({src['Uniq Id']})\n")
        for k, v in facts.items():
            w(f"- {k}: {v}\n")
        w(f"- blurb: {text}\n- verdict: {verdict(f'en {n}', 'en', n, text)}\n\n")
    if out is not sys.stdout:
        out.close()
    if notes:
        with open(a.verdicts, "w", encoding="utf-8") as f:
            json.dump(recorded, f, ensure_ascii=False, indent=1)
    if unread:
        print(f"review_sheet: {unread} blurbs changed since they were read", file=sys.stderr)

if __name__ == "__main__":
    main()
