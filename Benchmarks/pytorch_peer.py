#!/usr/bin/env python3
"""PyTorch peer for `shopnlp bench train`: the same BiLSTM + attention classifier,
same shapes, timed the same way, then (unless --no-swift) our benchmark in the same
run and the ratios.

    python3 Benchmarks/pytorch_peer.py [--shopnlp .build/release/shopnlp] [--threads 2]
        [--vocab 20000 --embed 128 --hidden 128 --attention 64 --batch 64 --seq-len 64]

Model: Embedding(vocab, embed, padding_idx=0) -> bidirectional LSTM(hidden per direction)
-> additive attention pooling (tanh(W h + b) . v, masked softmax over time) -> dropout
-> Linear(2*hidden, 2). Training: forward + backward + Adam step on batches of random
ids; inference: torch.inference_mode() on batches of 256. Last line: one JSON object.
"""
import argparse
import json
import subprocess
import sys
import time


def torch_figures(a):
    import torch
    import torch.nn as nn

    torch.set_num_threads(a.threads)
    torch.manual_seed(1)

    class Classifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(a.vocab, a.embed, padding_idx=0)
            self.lstm = nn.LSTM(a.embed, a.hidden, batch_first=True, bidirectional=True)
            self.att = nn.Linear(2 * a.hidden, a.attention)
            self.context = nn.Linear(a.attention, 1, bias=False)
            self.dropout = nn.Dropout(a.dropout)
            self.out = nn.Linear(2 * a.hidden, 2)

        def forward(self, ids, mask):
            h, _ = self.lstm(self.dropout(self.embedding(ids)))
            scores = self.context(torch.tanh(self.att(h))).squeeze(-1)
            scores = scores.masked_fill(~mask, float("-inf"))
            alpha = torch.softmax(scores, dim=1)
            pooled = torch.bmm(alpha.unsqueeze(1), h).squeeze(1)
            return self.out(self.dropout(pooled)), alpha

    model = Classifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batches = [torch.randint(2, a.vocab, (a.batch, a.seq_len)) for _ in range(4)]
    labels = [torch.randint(0, 2, (a.batch,)) for _ in range(4)]
    mask = torch.ones(a.batch, a.seq_len, dtype=torch.bool)

    def step(i):
        opt.zero_grad()
        logits, _ = model(batches[i % 4], mask)
        loss = loss_fn(logits, labels[i % 4])
        loss.backward()
        opt.step()
        return loss.item()

    model.train()
    for i in range(2):
        step(i)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(a.steps):
        step(i)
    train_time, train_cpu = time.perf_counter() - t0, time.process_time() - c0

    model.eval()
    inputs = [torch.randint(2, a.vocab, (256, a.seq_len)) for _ in range(2)]
    imask = torch.ones(256, a.seq_len, dtype=torch.bool)
    with torch.inference_mode():
        model(inputs[0], imask)
        t1, c1 = time.perf_counter(), time.process_time()
        for i in range(a.infer_batches):
            logits, alpha = model(inputs[i % 2], imask)
            torch.softmax(logits, dim=1)
        infer_time, infer_cpu = time.perf_counter() - t1, time.process_time() - c1
    return {
        "torch_version": torch.__version__,
        "threads": a.threads,
        "train_tokens_per_s": a.steps * a.batch * a.seq_len / train_time,
        "infer_seqs_per_s": a.infer_batches * 256 / infer_time,
        # CPU seconds per wall second: on a loaded machine this shows how much CPU we actually got.
        "train_cpu_util": train_cpu / train_time,
        "infer_cpu_util": infer_cpu / infer_time,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--vocab", type=int, default=20000)
    p.add_argument("--embed", type=int, default=128)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--attention", type=int, default=64)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seq-len", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--infer-batches", type=int, default=8)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--shopnlp", default=".build/release/shopnlp", help="our CLI, run with the same shapes")
    p.add_argument("--no-swift", action="store_true", help="only the PyTorch figures")
    a = p.parse_args()

    result = {"shape": {"vocab": a.vocab, "embed": a.embed, "hidden": a.hidden, "attention": a.attention,
                        "batch": a.batch, "seq_len": a.seq_len}}
    try:
        result["pytorch"] = torch_figures(a)
        pt = result["pytorch"]
        print(f"PyTorch {pt['torch_version']} ({a.threads} threads): training {pt['train_tokens_per_s']:,.0f} tokens/s, "
              f"inference {pt['infer_seqs_per_s']:,.0f} sequences/s (batch 256); "
              f"CPU use {pt['train_cpu_util']:.2f} / {pt['infer_cpu_util']:.2f} cores")
    except ImportError:
        print("PyTorch is not installed: no peer figures (pip install torch --index-url https://download.pytorch.org/whl/cpu)")

    if not a.no_swift:
        # Ours twice in the same run: lazy sparse Adam (what our trainers use) and dense
        # Adam (what PyTorch's torch.optim.Adam does: every embedding row every step).
        # Inference: warm (gate table filled by earlier batches) and cold (emptied before
        # each fresh batch); PyTorch has no such table, so its one figure is the anchor.
        for mode in ("lazy", "dense"):
            cmd = [a.shopnlp, "bench", "train", "--json", "--vocab", str(a.vocab), "--embed", str(a.embed),
                   "--hidden", str(a.hidden), "--attention", str(a.attention), "--batch", str(a.batch),
                   "--seq-len", str(a.seq_len), "--dropout", str(a.dropout), "--steps", str(a.steps),
                   "--infer-batches", str(a.infer_batches)] + (["--dense-adam"] if mode == "dense" else [])
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=900).stdout.strip().splitlines()
            ours = json.loads(out[-1])
            result["shopnlp_" + mode] = ours
            print(f"ShopNeural ({mode} Adam): training {ours['train_tokens_per_s']:,.0f} tokens/s, "
                  f"inference warm {ours['infer_seqs_per_s']:,.0f} / cold {ours['infer_cold_seqs_per_s']:,.0f} sequences/s; "
                  f"CPU use {ours.get('train_cpu_util', 0):.2f} / {ours.get('infer_cpu_util', 0):.2f} cores")
            if "pytorch" in result:
                pt = result["pytorch"]
                result["ratio_train_" + mode] = ours["train_tokens_per_s"] / pt["train_tokens_per_s"]
                if mode == "lazy":
                    result["ratio_infer_warm"] = ours["infer_seqs_per_s"] / pt["infer_seqs_per_s"]
                    result["ratio_infer_cold"] = ours["infer_cold_seqs_per_s"] / pt["infer_seqs_per_s"]
        if "pytorch" in result:
            print(f"ratio (ShopNeural / PyTorch): training {result['ratio_train_lazy']:.2f}x lazy Adam, "
                  f"{result['ratio_train_dense']:.2f}x dense Adam; inference {result['ratio_infer_warm']:.2f}x warm, "
                  f"{result['ratio_infer_cold']:.2f}x cold")
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
