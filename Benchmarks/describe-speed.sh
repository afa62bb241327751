#!/usr/bin/env bash
# describe speed through the CLI (start-up and LM load included), two or more release
# builds on the same inputs, runs alternating so that load on this shared machine hits
# both alike: zh AdvertiseGen dev (1,070 records), zh dev ×5 (5,350 records; repeated
# records get other ids, so other sampled wordings), en catalogue (1,000 products).
# Prints the median and best wall time, products/s and median CPU (user + sys) per build
# and input, and the md5 of each build's output (the same md5 = the same blurbs).
#   Benchmarks/describe-speed.sh ROUNDS BINARY_A BINARY_B [...]
# Run from the checkout (the binaries read Corpora/ and Models/ from here).
set -euo pipefail
rounds="$1"; shift
C="${SHOPNLP_CORPORA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/corpora}"
ag="$C/advertisegen/dev.json"; cat="$C/amazon_products_promptcloud_sample/test_sample_1000.csv"
work="$(mktemp -d /tmp/describe-speed-XXXXXX)"
for _ in 1 2 3 4 5; do cat "$ag"; done > "$work/dev5.json"
for r in $(seq "$rounds"); do
  n=0
  for b in "$@"; do
    n=$((n + 1))
    for input in zh1070 zh5350 en; do
      case $input in
        zh1070) args=(--products "$ag" --format advertisegen) ;;
        zh5350) args=(--products "$work/dev5.json" --format advertisegen) ;;
        en) args=(--products "$cat") ;;
      esac
      /usr/bin/time -f "$n $input %e %U %S" -o "$work/t" "$b" describe "${args[@]}" >"$work/out.$n.$input" 2>/dev/null
      cat "$work/t" >> "$work/times"
    done
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$(dirname "$0")/alternating_times.py" "$work/times" products "zh1070=1070,zh5350=5350,en=1000" "$@"
for n in $(seq $#); do md5sum "$work"/out.$n.* | awk -v n="$n" '{sub(".*/out\\.", "", $2); printf "build %s %s %s\n", n, $2, $1}'; done
rm -rf "$work"
