#!/usr/bin/env bash
# Every speed benchmark, one after another, from one release build (run it on an idle
# machine: figures from a loaded one are not comparable). Accuracy runs that train models
# are separate: Benchmarks/sentiment-accuracy.sh, Benchmarks/intents.sh.
#   usage: Benchmarks/all.sh            (SHOPNLP=path/to/shopnlp to skip the build)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ -z "${SHOPNLP:-}" ]; then
    swift build -c release --product shopnlp >&2 || exit 1
    SHOPNLP="$root/.build/release/shopnlp"
fi
export SHOPNLP_HOME="$root"
run() { echo; echo "== $*  ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"; "$@"; }
run "$SHOPNLP" bench tokenize --repeats 3
if python3 -c 'import torch' 2>/dev/null; then
    run python3 Benchmarks/pytorch_peer.py --shopnlp "$SHOPNLP"
else
    run "$SHOPNLP" bench train
fi
run "$SHOPNLP" bench embed --corpus-set zh --subwords none --threads 2
run "$SHOPNLP" bench sentiment
run "$SHOPNLP" bench chat
run "$SHOPNLP" bench recommend
run "$SHOPNLP" bench describe
