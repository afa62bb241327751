#!/usr/bin/env bash
# Every figure of BENCHMARKS.md's "Current figures" table, one after another, from ONE
# release build of ONE commit, so that the whole table comes from the same code. Each
# section's log goes to OUT/<section>.log with the commit, UTC time and load average at its
# start (say "quiet" only for sections whose load stayed under 1.5; otherwise "loaded").
#
#   Benchmarks/current.sh [OUT]           default OUT: Benchmarks/results/current/<commit>
#   ONLY="accuracy defaults" Benchmarks/current.sh    run a subset (names below)
#
# Sections: accuracy defaults recommend speed speed-peer serve soak absa absa-tagger explain report copy spark spark-als console
#           leakage copy-lm-twins conversation escalation big-line console-chat code-shape.
# Quiet-machine wall time, roughly: 1.5 hours (soak 10 min, spark 1M ~10 min, absa ~15 min).
# A section that fails is reported and the rest still run; the exit status says how many failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "current.sh: the working tree has uncommitted changes; the table must come from one commit" >&2
    exit 2
fi
commit="$(git rev-parse --short HEAD)"
out="${1:-$root/Benchmarks/results/current/$commit}"
mkdir -p "$out"
sections="${ONLY:-accuracy defaults recommend speed speed-peer serve soak absa absa-tagger explain report copy spark spark-als console leakage copy-lm-twins conversation escalation big-line console-chat code-shape}"
export SHOPNLP_HOME="$root"
export SHOPNLP_CORPORA="${SHOPNLP_CORPORA:-$root/../shared/corpora}"

swift build -c release --product shopnlp >"$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 1; }
bin="$root/.build/release/shopnlp"

failed=0
section() { # name, command…
    local name="$1"; shift
    case " $sections " in *" $name "*) ;; *) return 0 ;; esac
    local log="$out/$name.log"
    {
        echo "# $name: commit $commit, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
        echo "# command: $*"
    } >"$log"
    echo "== $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg)) -> $log"
    local start end
    start=$(date +%s)
    if ! "$@" >>"$log" 2>&1; then
        echo "   FAILED (see $log)"; failed=$((failed + 1))
    fi
    end=$(date +%s)
    echo "# end: $(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $((end - start)) s" >>"$log"
}

section accuracy  python3 scripts/accuracy_suite.py --bin "$bin"
section defaults  env SHOPNLP="$bin" Benchmarks/defaults.sh "$out/defaults-models"
section recommend env BIN="$bin" OUT="$out/recommend-files" Benchmarks/recommend-defaults.sh
section speed     env SHOPNLP="$bin" Benchmarks/all.sh
section speed-peer python3 Benchmarks/sentiment_peer_equal.py --repeats 3
section serve     Benchmarks/serve.sh 20
section soak      env SOAK=600 Benchmarks/serve.sh 5
section absa      env BIN="$bin" OUT="$out/absa-files" Benchmarks/absa.sh --init-from Models/sentiment-en.model
absa_taggers() {
    local c="${SHOPNLP_CORPORA}/semeval2014_absa" seed domain train
    for domain in Restaurants Laptops; do
        train=$([ "$domain" = Restaurants ] && echo Restaurants_Train_v2.xml || echo Laptop_Train_v2.xml)
        for seed in 1 2 3; do
            echo "-- $domain seed $seed"
            "$bin" sentiment absa train-tagger --train "$c/$train" --test "$c/${domain}_Test_Gold.xml" \
                --seed "$seed" --out "$out/tagger-$domain-$seed.model" || return 1
            rm -f "$out/tagger-$domain-$seed.model"
        done
    done
}
report_1m() {
    python3 Benchmarks/report_lines.py 1000000 "$out/report-lines.jsonl" &&
    /usr/bin/time -v "$bin" sentiment report --input "$out/report-lines.jsonl" --out "$out/report-1m" --quiet
    local rc=$?
    rm -f "$out/report-lines.jsonl" "$out"/report-1m.*
    return $rc
}
section absa-tagger absa_taggers
section explain   "$bin" bench sentiment --explain-faithfulness
section report    report_1m
section copy      python3 Benchmarks/copy_metrics.py --shopnlp "$bin"
section spark     Benchmarks/spark-tag.sh 1000000
section spark-als python3 Benchmarks/spark_als.py
section console   scripts/test-console

big_line() { # one 20 MB line through each reader-facing command: wall time and peak memory
    local tmp rc=0; tmp=$(mktemp -d)
    python3 -c "print('好' * 7000000)" > "$tmp/big.txt"
    for cmd in "intent predict --input $tmp/big.txt" "tokenize $tmp/big.txt" "sentiment tag --format text --quiet --input $tmp/big.txt" "chat"; do
        echo "== $cmd"
        /usr/bin/time -f "wall %e s, max RSS %M kB" "$bin" $cmd < "$tmp/big.txt" > /dev/null 2> "$tmp/err" || rc=1
        tail -1 "$tmp/err"
    done
    rm -rf "$tmp"; return $rc
}
console_chat() { # the console's chat pane round trip, one turn at a time, against a fresh server
    local port=$((20000 + RANDOM % 20000)) rc
    timeout 300 "$bin" serve --port "$port" > /dev/null 2>&1 &
    local pid=$!
    sleep 3
    timeout 200 python3 Benchmarks/console_chat_latency.py --base "http://127.0.0.1:$port" --turns 1000; rc=$?
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    return $rc
}
code_shape() {
    local all cli
    all=$(git ls-files 'Sources/*.swift' | xargs cat | wc -l); cli=$(git ls-files 'Sources/shopnlp/*.swift' | xargs cat | wc -l)
    echo "Sources lines $all, Sources/shopnlp lines $cli, share $(python3 -c "print(round(100*$cli/$all,1))")%"
    if command -v duplicates > /dev/null; then duplicates --repo Sources --most 200 --seconds 120 | head -1; else echo "duplicates: not on PATH"; fi
}
section leakage   python3 Benchmarks/leak_audit.py --bin "$bin"
section copy-lm-twins python3 Benchmarks/lm_twins.py
section conversation "$bin" chat --test Intents/tests
section escalation "$bin" chat --urgency-eval Intents/eval/complaints.tsv
section big-line  big_line
section console-chat console_chat
section code-shape code_shape

rm -rf "$out/defaults-models" "$out/recommend-files" "$out/absa-files"
echo "done: $failed section(s) failed; logs in $out"
exit "$failed"
