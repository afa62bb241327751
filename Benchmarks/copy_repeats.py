#!/usr/bin/env python3
"""Within-blurb repetition a copywriter notices: a Chinese word said again in another clause
(`精致的蕾丝，浪漫又精致，让整体更显精致`). Counts, per blurb, the Han character pairs that occur
in two or more clauses, leaving out pairs inside the record's own attribute values (a value may
be named twice: 蕾丝 as material and as pattern). Uses no list of the describer's.

Usage: python3 Benchmarks/copy_repeats.py BLURBS.jsonl [--split held-out|dev] [--corpora DIR]
  BLURBS.jsonl: the `--save` output of copy_metrics.py (index, blurb).
"""
import argparse, json, os, re, sys

HAN = re.compile(r"[\u4e00-\u9fff]")

def repeated_pairs(text, values):
    clauses = [c for c in re.split(r"[，。！？；、,.!?;]", text) if c]
    seen = {}
    for n, c in enumerate(clauses):
        for i in range(len(c) - 1):
            pair = c[i:i + 2]
            if HAN.match(pair[0]) and HAN.match(pair[1]):
                seen.setdefault(pair, set()).add(n)
    return sorted(p for p, where in seen.items() if len(where) > 1 and not any(p in v for v in values))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("blurbs")
    ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", "../shared/corpora"))
    a = ap.parse_args()
    lines = [json.loads(l) for l in open(os.path.join(a.corpora, "advertisegen/dev.json"), encoding="utf-8") if l.strip()]
    total, with_repeat, pairs = 0, 0, 0
    for l in open(a.blurbs, encoding="utf-8"):
        r = json.loads(l)
        values = [p.split("#", 1)[1] for p in lines[r["index"]]["content"].split("*") if "#" in p]
        rep = repeated_pairs(r["blurb"], values)
        total += 1; pairs += len(rep); with_repeat += bool(rep)
    print(json.dumps({"blurbs": total, "share with a repeated word": round(with_repeat / max(total, 1), 4),
                      "repeated pairs per blurb": round(pairs / max(total, 1), 3)}))

if __name__ == "__main__":
    main()
