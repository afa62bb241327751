#!/usr/bin/env bash
# Issue #12, recommender part: the CLI defaults on both Amazon review sets. For each set,
# `recommend train` with no tuning flags (latest interaction per user held out for test),
# `recommend eval` of the served model against popularity, then `recommend satisfaction`
# (liked-item Recall/NDCG@10 and the share of top-10 lists with a later-disliked item; ALS
# with and without sentiment; stars shown and stars hidden; mean ± sd over 5 seeds).
# Prints the wall time of each default training run (the machine is shared: say "loaded").
# Usage: Benchmarks/recommend-defaults.sh   (BIN=path/to/shopnlp, OUT=folder to keep files)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/shopnlp}
OUT=${OUT:-/tmp/recommend-defaults}
export SHOPNLP_HOME=${SHOPNLP_HOME:-$PWD}
mkdir -p "$OUT"
[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 1; }
fail=0
for spec in all_beauty:amazon_all_beauty_5core/All_Beauty_5.json \
            musical_instruments:amazon_musical_instruments_5core_partial/Musical_instruments_reviews.csv; do
  name=${spec%%:*}; data=${spec#*:}
  echo "== $name ($data)"
  start=$(date +%s.%N)
  nice "$BIN" recommend train --interactions "$data" --out "$OUT/$name.rec" --holdout-last "$OUT/$name.test.csv" \
    --quiet 2> "$OUT/$name.train.log"
  end=$(date +%s.%N)
  grep -E '^(validation|ALS|warning|sentiment)' "$OUT/$name.train.log" | sed 's/^/  /'
  printf '  default train wall time: %.1f s (2 cores, loaded)\n' "$(echo "$end - $start" | bc)"
  nice "$BIN" recommend eval --model "$OUT/$name.rec" --test "$OUT/$name.test.csv" --json > "$OUT/$name.eval.json"
  python3 - "$OUT/$name.eval.json" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
pop = next(m for m in r["models"] if m["model"] == "popularity")["all"]
ok = r["recall@10"] >= pop["recall@10"]
print(f"  test: served ({r['served_kind']}) Recall@10 {r['recall@10']:.4f} NDCG@10 {r['ndcg@10']:.4f} "
      f"vs popularity {pop['recall@10']:.4f} / {pop['ndcg@10']:.4f} over {r['users']} users -> {'OK' if ok else 'BELOW POPULARITY'}")
for m in r["models"]:
    print(f"    {m['model']:<14} Recall@10 {m['all']['recall@10']:.4f}  NDCG@10 {m['all']['ndcg@10']:.4f}")
sys.exit(0 if ok else 1)
PY
  # Sentiment of every review once (train above tagged its own training part), then the
  # satisfaction evaluation on it.
  nice "$BIN" recommend features --input "$data" --output "$OUT/$name.features.jsonl" 2> "$OUT/$name.features.log"
  nice "$BIN" recommend satisfaction --interactions "$data" --features "$OUT/$name.features.jsonl" --quiet \
    2> "$OUT/$name.satisfaction.log" | tee "$OUT/$name.satisfaction.txt" | sed 's/^/  /'
done
exit $fail
