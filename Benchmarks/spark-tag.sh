#!/usr/bin/env bash
# Tagging N reviews (the shared review corpora repeated) on the bare CLI with 2 workers and
# through Spark local[2] (scripts/spark/tag_reviews.py), same file, same run; plus what one
# shopnlp process costs before its first result (model load), to size Spark partitions.
#   Benchmarks/spark-tag.sh [N]      (default 1000000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-1000000}"
bin=.build/release/shopnlp
work="$(mktemp -d /tmp/spark-tag-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export SHOPNLP_HOME="$root" SPARK_LOCAL_IP=127.0.0.1
python3 Benchmarks/spark_reviews.py "$n" "$work/reviews.jsonl"
echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) (loaded)"

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# Start-up: one review through a fresh process, 5 times (median).
head -1 "$work/reviews.jsonl" > "$work/one.jsonl"
ups=()
for _ in 1 2 3 4 5; do
    t0=$(now); "$bin" sentiment tag --input "$work/one.jsonl" --format jsonl --field text --id-field id --quiet > /dev/null; t1=$(now)
    ups+=("$(secs "$t0" "$t1")")
done
echo "start-up (one review, fresh process): ${ups[*]} s"

bare() {
    local t0 t1
    t0=$(now)
    "$bin" sentiment tag --input "$work/reviews.jsonl" --format jsonl --field text --id-field id --workers 2 --quiet \
        --output "$work/bare.jsonl"
    t1=$(now)
    echo "bare CLI, 2 workers: $(secs "$t0" "$t1") s ($(wc -l < "$work/bare.jsonl") lines)"
}
bare
t0=$(now)
timeout 7200 spark-submit --master 'local[2]' --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    scripts/spark/tag_reviews.py "$work/reviews.jsonl" "$work/spark-out" 2> "$work/spark.err" | tee "$work/spark.json"
t1=$(now)
echo "spark local[2], spark-submit wall: $(secs "$t0" "$t1") s"
bare
