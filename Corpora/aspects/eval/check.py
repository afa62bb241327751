#!/usr/bin/env python3
"""Checks the Chinese aspect evaluation set (Corpora/aspects/eval/zh.tsv) against its sources.

    python3 Corpora/aspects/eval/check.py [--corpora DIR] [--file zh.tsv]

Fails (exit 1, one line per problem naming the row and field) unless: the header and six
columns are as documented; ids are unique; every source is a shared *train* split; its line
exists and contains the clause; every aspect is term:polarity:category with a known
polarity and the term a substring of the clause; no clause is repeated (normalised); and
neither the clause nor its source line has a normalised twin (TextKey) in any shared
dev/test split. Prints counts per polarity, per corpus and per category.
"""
import argparse, collections, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
HEADER = ["id", "source", "line", "category", "clause", "aspects"]
POLARITIES = ("positive", "negative", "neutral")
DROP = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
        "Sm", "Sc", "Sk", "So", "Mn", "Me", "Mc"}


def key(text):
    """ShopData's TextKey: NFKC, lower case, whitespace, punctuation and symbols dropped."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in folded if (c.isascii() and c.isalnum()) or (not c.isascii() and unicodedata.category(c) not in DROP))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA") or os.path.join(ROOT, "..", "shared", "corpora"))
    p.add_argument("--file", default=os.path.join(HERE, "zh.tsv"))
    args = p.parse_args()
    problems = []
    held = set()
    for base, _, names in os.walk(args.corpora):
        for n in names:
            if n in ("dev.tsv", "test.tsv"):
                with open(os.path.join(base, n), encoding="utf-8") as f:
                    held.update(key(l.rstrip("\n").split("\t", 1)[-1]) for l in f)
    held.discard("")
    if not held:
        print(f"no dev/test splits under {args.corpora}", file=sys.stderr)
        return 1
    splits = {}
    ids, clauses = set(), {}
    polarity, corpus, category, rows, empty = collections.Counter(), collections.Counter(), collections.Counter(), 0, 0
    with open(args.file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append(f"{args.file}:1: header must be {' '.join(HEADER)}")
        lines = lines[:1]
    for n, raw in enumerate(lines[1:], start=2):
        where = f"{args.file}:{n}"
        cols = raw.split("\t")
        if len(cols) != len(HEADER):
            problems.append(f"{where}: expected {len(HEADER)} columns, found {len(cols)}")
            continue
        rid, source, line, cat, clause, aspects = cols
        rows += 1
        if rid in ids:
            problems.append(f"{where}: id: {rid} repeated")
        ids.add(rid)
        if not source.endswith("/train.tsv"):
            problems.append(f"{where}: source: {source} is not a train split")
        if source not in splits:
            path = os.path.join(args.corpora, source)
            splits[source] = open(path, encoding="utf-8").read().split("\n") if os.path.exists(path) else None
        text = splits[source]
        if text is None:
            problems.append(f"{where}: source: {source} not found under {args.corpora}")
        elif not line.isdigit() or not 1 <= int(line) <= len(text) or clause not in text[int(line) - 1].split("\t", 1)[-1]:
            problems.append(f"{where}: line: {source}:{line} does not contain the clause")
        else:
            if key(text[int(line) - 1].split("\t", 1)[-1]) in held:
                problems.append(f"{where}: source: {source}:{line} has a twin in a shared dev/test split")
        k = key(clause)
        if k in held:
            problems.append(f"{where}: clause: has a twin in a shared dev/test split")
        if k in clauses:
            problems.append(f"{where}: clause: repeats row {clauses[k]}")
        clauses.setdefault(k, n)
        corpus[source.split("/")[0]] += 1
        category[cat] += 1
        if aspects == "-":
            empty += 1
            continue
        seen = set()
        for entry in aspects.split(";"):
            parts = entry.split(":")
            if len(parts) != 3 or not parts[0]:
                problems.append(f"{where}: aspects: '{entry}' is not term:polarity:category")
                continue
            term, pol, _ = parts
            if pol not in POLARITIES:
                problems.append(f"{where}: aspects: polarity '{pol}' of '{term}' is not one of {', '.join(POLARITIES)}")
            if term not in clause:
                problems.append(f"{where}: aspects: term '{term}' is not in the clause")
            if term in seen:
                problems.append(f"{where}: aspects: term '{term}' annotated twice")
            seen.add(term)
            polarity[pol] += 1
    for msg in problems:
        print(msg, file=sys.stderr)
    terms = sum(polarity.values())
    print(f"{rows} clauses ({rows - empty} with aspects, {empty} without), {terms} aspect terms")
    print("polarity: " + ", ".join(f"{p} {polarity[p]}" for p in POLARITIES))
    print("corpus: " + ", ".join(f"{c} {n}" for c, n in sorted(corpus.items())))
    print("category: " + ", ".join(f"{c} {n}" for c, n in sorted(category.items(), key=lambda x: -x[1])))
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok: every term is in its clause, every clause in its train line, no dev/test twin")
    return 0


if __name__ == "__main__":
    sys.exit(main())
