#!/usr/bin/env python3
"""Writes N reviews as JSON Lines ({"id", "stars", "text"}) by repeating the test splits of
the shared review corpora (Chinese and English), for the Spark tagging benchmark.

    python3 Benchmarks/spark_reviews.py N OUT.jsonl [--corpora DIR]
"""
import argparse
import glob
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SPLITS = ["online_shopping_10_cats/test.tsv", "chnsenticorp_htl_all/test.tsv",
          "amazon_all_beauty_5core/test.tsv", "blitzer_multi_domain_sentiment/*/test.tsv"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", os.path.join(ROOT, "..", "shared", "corpora")))
    a = p.parse_args()
    texts = []
    for pattern in SPLITS:
        for path in sorted(glob.glob(os.path.join(a.corpora, pattern))):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t", 1)
                    if len(parts) == 2 and parts[1].strip():
                        texts.append(parts[1])
    if not texts:
        raise SystemExit(f"no reviews under {a.corpora}")
    with open(a.out, "w", encoding="utf-8") as f:
        for n in range(a.n):
            f.write(json.dumps({"id": f"r{n:07d}", "stars": n % 5 + 1, "text": texts[n % len(texts)]},
                               ensure_ascii=False) + "\n")
    print(f"{a.n} reviews ({len(texts)} distinct) -> {a.out}")


if __name__ == "__main__":
    main()
