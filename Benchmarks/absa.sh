#!/usr/bin/env bash
# Aspect-term polarity on SemEval-2014 (3 classes, conflict left out): for each seed, trains
# one model on both training files (restaurants + laptops; dev carved from them by the seed),
# scores it on each gold test file, and prints mean and spread over the seeds.
# Extra arguments go to `absa train` (which by default starts from Models/sentiment-en.model and
# mixes in the transfer model inside Models/absa-en.model; --no-transfer for the network alone).
# Usage: SEEDS="1 2 3" Benchmarks/absa.sh --init-from Models/sentiment-en.model
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/shopnlp}
OUT=${OUT:-/tmp/absa-bench}
SEEDS=${SEEDS:-"1 2 3"}
C=semeval2014_absa
mkdir -p "$OUT"
for seed in $SEEDS; do
  ( nice "$BIN" sentiment absa train --train $C/Restaurants_Train_v2.xml $C/Laptop_Train_v2.xml \
      --out "$OUT/joint-$seed.model" --seed "$seed" "$@" > "$OUT/joint-$seed.out" 2> "$OUT/joint-$seed.log"
    for domain in Restaurants Laptops; do
      "$BIN" sentiment absa eval --model "$OUT/joint-$seed.model" --test $C/${domain}_Test_Gold.xml --json > "$OUT/$domain-$seed.json"
    done ) &
done
wait
python3 - "$OUT" $SEEDS <<'PY'
import json, statistics, sys
out, seeds = sys.argv[1], sys.argv[2:]
sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
for domain in ["Restaurants", "Laptops"]:
    r = [json.load(open(f"{out}/{domain}-{s}.json")) for s in seeds]
    acc = [x["accuracy"] * 100 for x in r]; f1 = [x["macro_f1"] * 100 for x in r]
    print(f"{domain}: accuracy {statistics.mean(acc):.2f} ± {sd(acc):.2f} ({', '.join(f'{a:.2f}' for a in acc)}), "
          f"macro-F1 {statistics.mean(f1):.2f} ± {sd(f1):.2f} ({', '.join(f'{a:.2f}' for a in f1)}) over seeds {' '.join(seeds)}")
PY
