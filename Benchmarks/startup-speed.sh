#!/usr/bin/env bash
# Start-up-bound commands, two or more release builds, runs alternating so that load on this
# shared machine hits every build alike: the README's first command (6 sample reviews with
# --explain --aspects: loads the zh and en sentiment models and both aspect models), one
# Chinese review through `sentiment tag` (the zh model alone), one chat turn (intent model,
# segmenter), `intent predict` on Intents/eval/en.tsv (186 lines). Prints the median and
# best wall time and the median CPU (user + sys) per build and command, and the md5 of each
# build's output (the same md5 = the same output).
#   Benchmarks/startup-speed.sh ROUNDS BINARY_A BINARY_B [...]
# Run from the checkout (the binaries read Models/ and Corpora/ from here).
set -euo pipefail
rounds="$1"; shift
work="$(mktemp -d /tmp/startup-speed-XXXXXX)"
echo "好" > "$work/one.txt"
for r in $(seq "$rounds"); do
  n=0
  for b in "$@"; do
    n=$((n + 1))
    /usr/bin/time -f "$n readme %e %U %S" -a -o "$work/times" "$b" sentiment tag --input Corpora/samples/reviews.txt --explain --aspects >"$work/out.$n.readme" 2>/dev/null
    /usr/bin/time -f "$n tag-one-zh %e %U %S" -a -o "$work/times" "$b" sentiment tag --input "$work/one.txt" >"$work/out.$n.tag-one-zh" 2>/dev/null
    echo "你好" | /usr/bin/time -f "$n chat-turn %e %U %S" -a -o "$work/times" "$b" chat >"$work/out.$n.chat-turn" 2>/dev/null
    /usr/bin/time -f "$n intent-predict %e %U %S" -a -o "$work/times" "$b" intent predict --input Intents/eval/en.tsv >"$work/out.$n.intent-predict" 2>/dev/null
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$(dirname "$0")/alternating_times.py" "$work/times" runs "readme,tag-one-zh,chat-turn,intent-predict" "$@"
for n in $(seq $#); do md5sum "$work"/out.$n.* | awk -v n="$n" '{sub(".*/out\\.", "", $2); printf "build %s %s %s\n", n, $2, $1}'; done
rm -rf "$work"
