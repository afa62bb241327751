#!/usr/bin/env bash
# Intent deep path: random embedding init vs our word vectors (--embeddings), same seeds,
# everything else identical (embedding size 100 in every arm = the vectors' dimension).
# Prints, per arm and seed, accuracy of the full model (wide + deep), of the deep path
# alone (--deep-only) and the deep weight chosen on dev. Results: BENCHMARKS.md,
# section "Intent: embeddings init".
#   Benchmarks/intent-embeddings.sh intents   [BINARY]  # Intents/ (en+zh), shipped settings, eval on Intents/eval/{en,zh}.tsv
#   Benchmarks/intent-embeddings.sh banking77 [BINARY]  # BANKING77 train / dev / test, pure BiLSTM deep path
#   Benchmarks/intent-embeddings.sh banking77-bag [BINARY]  # same with the deep path's 100k-bucket word/bigram bag (as Benchmarks/intents.sh)
#   Benchmarks/intent-embeddings.sh smp2017   [BINARY]  # SMP2017 (zh) train / dev / test, pure BiLSTM deep path
# SEEDS="42 1 2" overrides the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-intents}"
bin="${2:-$root/scripts/shopnlp}"
export SHOPNLP_HOME="${SHOPNLP_HOME:-$root}"
C="${SHOPNLP_CORPORA:-$root/../shared/corpora}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
EN="$root/Models/embeddings-en.model"
ZH="$root/Models/embeddings-zh.model"

acc() { "$bin" intent eval --model "$1" --test "$2" "${@:3}" | sed -n 's/^accuracy: //p'; }

case "$what" in
intents)
    seeds="${SEEDS:-42 1 2 3 4 5 6 7 8 9}"
    base=(--intents "$root/Intents" --dev "$root/Intents/eval/dev.tsv" --oos-weight 0.3 --deep-epochs 15 --c 2 --embed 100)
    tests=("$root/Intents/eval/en.tsv" "$root/Intents/eval/zh.tsv")
    arms=("random" "vectors" "frozen")
    ;;
banking77|banking77-bag)
    seeds="${SEEDS:-42 1 2}"
    base=(--train "$C/banking77/train.tsv" --dev "$C/banking77/dev.tsv" --c 1 --deep-epochs 6 --embed 100)
    [ "$what" = banking77 ] || base+=(--deep-wide-buckets 100000)
    tests=("$C/banking77/test.tsv")
    arms=("random" "vectors")
    ;;
smp2017)
    seeds="${SEEDS:-42 1 2}"
    base=(--train "$C/smp2017_ecdt_task1/train.tsv" --dev "$C/smp2017_ecdt_task1/dev.tsv" --c 1 --deep-epochs 6 --embed 100)
    tests=("$C/smp2017_ecdt_task1/test.tsv")
    arms=("random" "vectors")
    ;;
*) echo "usage: $0 intents|banking77|banking77-bag|smp2017 [BINARY]" >&2; exit 64 ;;
esac

echo "arm      seed  test                 full model  deep only  deep weight  rows found  train s (wall)"
for seed in $seeds; do
    for arm in "${arms[@]}"; do
        extra=()
        case "$arm" in
        vectors) extra=(--embeddings "$EN" "$ZH") ;;
        frozen) extra=(--embeddings "$EN" "$ZH" --freeze-embeddings) ;;
        esac
        m="$out/$arm-$seed.model"
        t0=$(date +%s)
        "$bin" intent train "${base[@]}" --seed "$seed" "${extra[@]}" --out "$m" --manifest "$m.json" 2>"$out/$arm-$seed.log"
        t1=$(date +%s)
        info() { sed -n "s/.*\"$1\" : \"\([^\"]*\)\".*/\1/p" "$m.json"; }
        found=$(info deep_embeddings_found)
        weight=$(info deep_weight)
        for t in "${tests[@]}"; do
            printf "%-8s %4s  %-20s %-11s %-10s %-12s %-11s %s\n" "$arm" "$seed" "$(basename "$(dirname "$t")")/$(basename "$t")" \
                "$(acc "$m" "$t")" "$(acc "$m" "$t" --deep-only)" "${weight:--}" "${found:--}" "$((t1 - t0))"
        done
    done
done
