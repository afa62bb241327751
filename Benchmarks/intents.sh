#!/usr/bin/env bash
# Intent benchmarks: BANKING77 (test), CLINC150 (dev; the threshold is calibrated on a
# held-out 10% of train, so dev stays unseen), SMP2017 (test, Chinese) and our own
# Intents/eval, each trained on train only (tuned on dev where the corpus has one that is
# not the reported split). Prints training time and the figures; results go to
# BENCHMARKS.md, section "Intents".
# Usage: Benchmarks/intents.sh [SHOPNLP_BINARY]   (default: scripts/shopnlp)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/scripts/shopnlp}"
export SHOPNLP_HOME="${SHOPNLP_HOME:-$root}"
C="${SHOPNLP_CORPORA:-$root/../shared/corpora}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

run() { # name, eval file, train args…
    local name="$1" test="$2"; shift 2
    local t0=$(date +%s%N)
    "$bin" intent train "$@" --out "$out/$name.model" 2>"$out/$name.log"
    local t1=$(date +%s%N)
    echo "== $name: training $(( (t1 - t0) / 1000000 )) ms (wall)"
    "$bin" intent eval --model "$out/$name.model" --test "$test" | sed -n '2,6p'
}

run banking77 "$C/banking77/test.tsv" --train "$C/banking77/train.tsv" --dev "$C/banking77/dev.tsv" \
    --c 1 --deep-epochs 6 --deep-wide-buckets 100000
run clinc150 "$C/clinc150/dev.tsv" --train "$C/clinc150/train.tsv" \
    --c 1 --deep-epochs 6 --deep-wide-buckets 100000
run smp2017 "$C/smp2017_ecdt_task1/test.tsv" --train "$C/smp2017_ecdt_task1/train.tsv" --dev "$C/smp2017_ecdt_task1/dev.tsv" \
    --c 1 --deep-epochs 6 --deep-wide-buckets 100000
for lang in zh en; do
    echo "== Intents/eval/$lang.tsv (default model Models/intent.model)"
    "$bin" intent eval --test "$root/Intents/eval/$lang.tsv" | sed -n '2,6p'
done
"$bin" chat --test "$root/Intents/tests" | tail -1
"$bin" bench chat
