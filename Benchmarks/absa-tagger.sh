#!/usr/bin/env bash
# Aspect-term extraction (BIO tagger) on SemEval-2014: for each domain and seed, trains a
# tagger on the domain's training file (dev carved from it by the seed; dev F1 picks the
# epoch), then, unless DEV_ONLY=1, scores it once on the domain's gold test file. Prints the
# mean and spread of dev and test term F1 over the seeds.
# Extra arguments go to `absa train-tagger` (e.g. --no-crf, --char-dim 0).
# Usage: SEEDS="1 2 3" DOMAINS="Restaurants Laptops" OUT=/tmp/tagger Benchmarks/absa-tagger.sh [flags…]
set -euo pipefail
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/shopnlp}
OUT=${OUT:-/tmp/absa-tagger-bench}
SEEDS=${SEEDS:-"1 2 3"}
DOMAINS=${DOMAINS:-"Restaurants Laptops"}
DEV_ONLY=${DEV_ONLY:-0}
C=semeval2014_absa
mkdir -p "$OUT"
train_file() { if [ "$1" = Laptops ]; then echo "$C/Laptop_Train_v2.xml"; else echo "$C/Restaurants_Train_v2.xml"; fi; }
for domain in $DOMAINS; do
  for seed in $SEEDS; do
    ( nice -n 19 "$BIN" sentiment absa train-tagger --train "$(train_file "$domain")" --seed "$seed" \
        --out "$OUT/$domain-$seed.model" "$@" > "$OUT/$domain-$seed.out" 2> "$OUT/$domain-$seed.log"
      if [ "$DEV_ONLY" != 1 ]; then
        nice -n 19 "$BIN" sentiment absa eval --tagger "$OUT/$domain-$seed.model" --test "$C/${domain}_Test_Gold.xml" > "$OUT/$domain-$seed.json"
      fi ) &
  done
done
wait
python3 - "$OUT" "$DEV_ONLY" "$DOMAINS" $SEEDS <<'PY'
import json, re, statistics, sys
out, dev_only, domains, seeds = sys.argv[1], sys.argv[2] == "1", sys.argv[3].split(), sys.argv[4:]
sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
fmt = lambda v: f"{statistics.mean(v):.2f} ± {sd(v):.2f} ({', '.join(f'{x:.2f}' for x in v)})"
for domain in domains:
    dev = [float(re.search(r"dev term F1 ([0-9.]+)", open(f"{out}/{domain}-{s}.out").read()).group(1)) for s in seeds]
    line = f"{domain}: dev term F1 {fmt(dev)}"
    if not dev_only:
        test = [json.load(open(f"{out}/{domain}-{s}.json"))["extraction_f1"] * 100 for s in seeds]
        line += f"; test term F1 {fmt(test)}"
    print(line + f" over seeds {' '.join(seeds)}")
PY
