#!/usr/bin/env bash
# Aspect-term polarity on SemEval-2014 (3 classes, conflict left out): trains one model per
# domain and seed (dev carved from train by the seed), scores it on the gold test file, and
# prints mean and spread over the seeds. Extra arguments go to `absa train`.
# Usage: Benchmarks/absa.sh [SEEDS="1 2 3"] [--freeze-embeddings …]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/shopnlp}
OUT=${OUT:-/tmp/absa-bench}
SEEDS=${SEEDS:-"1 2 3"}
mkdir -p "$OUT"
for domain in Restaurants Laptops; do
  train=semeval2014_absa/${domain}_Train_v2.xml
  [ "$domain" = Laptops ] && train=semeval2014_absa/Laptop_Train_v2.xml
  test=semeval2014_absa/${domain}_Test_Gold.xml
  for seed in $SEEDS; do
    nice "$BIN" sentiment absa train --train "$train" --out "$OUT/$domain-$seed.model" --seed "$seed" "$@" 2> "$OUT/$domain-$seed.log" > /dev/null
    "$BIN" sentiment absa eval --model "$OUT/$domain-$seed.model" --test "$test" --json > "$OUT/$domain-$seed.json"
    echo "$domain seed $seed: $(cat "$OUT/$domain-$seed.json" | head -c 80)…"
  done
  python3 - "$OUT" "$domain" $SEEDS <<'PY'
import json, statistics, sys
out, domain, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
r = [json.load(open(f"{out}/{domain}-{s}.json")) for s in seeds]
acc = [x["accuracy"] * 100 for x in r]; f1 = [x["macro_f1"] * 100 for x in r]
sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
print(f"{domain}: accuracy {statistics.mean(acc):.2f} ± {sd(acc):.2f} (min {min(acc):.2f}, max {max(acc):.2f}), "
      f"macro-F1 {statistics.mean(f1):.2f} ± {sd(f1):.2f} (min {min(f1):.2f}, max {max(f1):.2f}) over seeds {' '.join(seeds)}")
PY
done
