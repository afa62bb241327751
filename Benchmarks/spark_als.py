#!/usr/bin/env python3
"""Our ALS and Spark MLlib's side by side, in one run, on the same leave-last-out split.

    python3 Benchmarks/spark_als.py [--sets beauty,instruments] [--regs 1,10] [--seeds 1,2,3]

Per set: `shopnlp recommend features` once (the confidence file), then per setting and seed
`recommend train --holdout-last --holdout-train` + `recommend eval --json` (ours: CG and
Cholesky solvers with our plain λ, and Cholesky with --reg-per-interaction, MLlib's λ·n) and scripts/spark/als.py with the same factors/reg/alpha/iterations and
the split's training pairs, all in one Spark session (local[2]). Prints a Markdown table
and one JSON line. Noise: one held-out item per user, so Recall@10 is a mean of 0/1 hits;
its standard error is sqrt(p(1-p)/users).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "spark"))
import als as spark_als  # noqa: E402

SETS = {"beauty": "amazon_all_beauty_5core/All_Beauty_5.json",
        "instruments": "amazon_musical_instruments_5core_partial/Musical_instruments_reviews.csv"}


def sh(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)}: exit {r.returncode}\n{r.stderr[-2000:]}")
    return r.stdout


def ours(binary, data, features, work, reg, seed, solver, factors, iterations, alpha, wr=False):
    rec, test, train = (os.path.join(work, n) for n in ("m.rec", "test.csv", "train.csv"))
    sh([binary, "recommend", "train", "--interactions", data, "--features", features, "--out", rec,
        "--holdout-last", test, "--holdout-train", train, "--factors", str(factors), "--iterations", str(iterations),
        "--reg", str(reg), "--alpha", str(alpha), "--seed", str(seed), "--solver", solver,
        "--no-tune", "--model-kind", "als"]
       + (["--reg-per-interaction"] if wr else []))
    m = json.loads(sh([binary, "recommend", "eval", "--model", rec, "--test", test, "--json"]))
    return {"recall@10": m["recall@10"], "ndcg@10": m["ndcg@10"], "users": m["users"]}, test, train


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sets", default="beauty,instruments")
    p.add_argument("--regs", default="1,10")
    p.add_argument("--seeds", default="1,2")
    p.add_argument("--factors", type=int, default=64)
    p.add_argument("--iterations", type=int, default=15)
    p.add_argument("--alpha", type=float, default=20)
    p.add_argument("--master", default="local[2]")
    p.add_argument("--shopnlp", default=os.path.join(ROOT, ".build", "release", "shopnlp"))
    a = p.parse_args()
    spark = spark_als.session(a.master, "shopnlp-als-compare")
    spark.sparkContext.setLogLevel("ERROR")
    rows, report = [], {}
    for name in a.sets.split(","):
        work = tempfile.mkdtemp(prefix=f"als-{name}-")
        features = os.path.join(work, "f.features.jsonl")
        sh([a.shopnlp, "recommend", "features", "--input", SETS[name], "--output", features, "--alpha", str(a.alpha)])
        confidence = os.path.join(work, "f.features.confidence.csv")
        for reg in [float(r) for r in a.regs.split(",")]:
            for model in ("ours-cg", "ours-cholesky", "ours-cholesky-wr", "spark-mllib"):
                runs = []
                for seed in [int(s) for s in a.seeds.split(",")]:
                    m, test, train = ours(a.shopnlp, SETS[name], features, work, reg, seed,
                                          "cholesky" if model == "ours-cholesky" else "cg",
                                          a.factors, a.iterations, a.alpha, wr=model == "ours-cholesky-wr")
                    if model == "spark-mllib":
                        out = os.path.join(work, f"spark-{reg}-{seed}")
                        m = spark_als.main(["--confidence", confidence, "--test", test, "--train", train, "--out", out,
                                            "--factors", str(a.factors), "--iterations", str(a.iterations),
                                            "--reg", str(reg), "--alpha", str(a.alpha), "--seed", str(seed)], spark)
                    runs.append(m)
                n = runs[0]["users"]
                rec = sum(r["recall@10"] for r in runs) / len(runs)
                ndcg = sum(r["ndcg@10"] for r in runs) / len(runs)
                se = math.sqrt(max(rec * (1 - rec), 1e-12) / n)
                row = {"set": name, "reg": reg, "model": model, "users": n, "recall@10": rec, "ndcg@10": ndcg,
                       "recall_se": se, "recall_by_seed": [round(r["recall@10"], 4) for r in runs],
                       "ndcg_by_seed": [round(r["ndcg@10"], 4) for r in runs]}
                rows.append(row)
                print(json.dumps(row), flush=True)
    spark.stop()
    print("\n| set | reg | model | users | Recall@10 (mean of seeds) | ± SE | NDCG@10 | Recall@10 by seed |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['set']} | {r['reg']:g} | {r['model']} | {r['users']} | {r['recall@10']:.4f} | {r['recall_se']:.4f} "
              f"| {r['ndcg@10']:.4f} | {', '.join(f'{x:.4f}' for x in r['recall_by_seed'])} |")
    print(json.dumps({"rows": rows}))


if __name__ == "__main__":
    main()
