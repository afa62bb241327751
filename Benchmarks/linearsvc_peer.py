#!/usr/bin/env python3
"""The classic baseline for in-domain sentiment: TF-IDF character n-grams + LinearSVC.

For each corpus: train on its train split (texts with a normalised twin in its dev or test
split dropped, as `shopnlp sentiment train` drops them), choose C and the n-gram range on
dev, report test accuracy. Prints one JSON line per corpus.

usage: Benchmarks/linearsvc_peer.py CORPORA_DIR CORPUS...
"""
import json
import sys
import time
import unicodedata

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC


def key(text):
    """NFKC, lower case, no whitespace or punctuation (the idea of ShopData's TextKey)."""
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in t if not (ch.isspace() or unicodedata.category(ch)[0] in "PS"))


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            if "\t" not in line:
                sys.exit(f"{path}:{n}: no tab between label and text")
            label, text = line.split("\t", 1)
            labels.append(label)
            texts.append(text)
    return labels, texts


def run(root, corpus):
    ytr, xtr = read(f"{root}/{corpus}/train.tsv")
    ydev, xdev = read(f"{root}/{corpus}/dev.tsv")
    yte, xte = read(f"{root}/{corpus}/test.tsv")
    held = {key(t) for t in xdev + xte}
    kept = [i for i, t in enumerate(xtr) if key(t) not in held]
    xtr, ytr = [xtr[i] for i in kept], [ytr[i] for i in kept]
    start = time.time()
    best = None
    for ngrams in [(1, 2), (1, 3)]:
        vec = TfidfVectorizer(analyzer="char", ngram_range=ngrams, sublinear_tf=True, min_df=1)
        a = vec.fit_transform(xtr)
        d = vec.transform(xdev)
        for c in [0.1, 0.3, 1.0, 3.0]:
            clf = LinearSVC(C=c, random_state=0).fit(a, ytr)
            acc = (clf.predict(d) == ydev).mean()
            if best is None or acc > best[0]:
                best = (acc, ngrams, c, vec, clf)
    acc, ngrams, c, vec, clf = best
    test = float((clf.predict(vec.transform(xte)) == yte).mean())
    print(json.dumps({"corpus": corpus, "peer": "TF-IDF char n-grams + LinearSVC", "train": len(xtr),
                      "ngram_range": list(ngrams), "C": c, "dev_accuracy": round(float(acc), 4),
                      "test_accuracy": round(test, 4), "seconds": round(time.time() - start, 1)}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for corpus in sys.argv[2:]:
        run(sys.argv[1], corpus)
