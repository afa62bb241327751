#!/usr/bin/env bash
# Service benchmark (issue 14): wrk on loopback against the release binary.
#  1. POST /v1/chat, 100 connections, each request one message with no session (so each
#     starts a conversation, as a new visitor would): turns/s and latency percentiles.
#  2. POST /v1/sentiment with 64-review batches of ChnSentiCorp hotel test reviews, against
#     `shopnlp sentiment tag` on the same reviews (8 x 768 = 6,144 lines).
# Usage: Benchmarks/serve.sh [seconds per wrk run, default 20]. Needs wrk (apt) and
# `swift build -c release`. Say "loaded" with any figure: the machine is shared.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
secs="${1:-20}"
bin="$root/.build/release/shopnlp"
corpus="${SHOPNLP_CORPORA:-$root/../shared/corpora}/chnsenticorp_htl_all/test.tsv"
work="$(mktemp -d)"
server_pid=""
# $server_pid is `timeout`, which passes TERM on to the server; KILL both if it lingers.
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        child="$(pgrep -P "$server_pid" || true)"
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
        [ -n "$child" ] && kill -KILL $child 2>/dev/null || true
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export SHOPNLP_HOME="$root"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
timeout --kill-after=10 900 "$bin" serve --port "$port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS -m 2 "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

# --- chat ---------------------------------------------------------------------------
cat >"$work/chat.lua" <<'LUA'
local messages = {"我的订单到哪了", "where is my order", "怎么退货", "I want a refund for order 2024031512345678",
                  "你们几点发货", "do you ship to Canada", "优惠券怎么用", "hello"}
local n = 0
request = function()
  n = n + 1
  local body = '{"message":"' .. messages[(n % #messages) + 1] .. '"}'
  return wrk.format("POST", "/v1/chat", {["Content-Type"] = "application/json"}, body)
end
LUA
# warm-up, then the timed run
timeout 60 wrk -t 2 -c 100 -d 3s -s "$work/chat.lua" "$base/v1/chat" >/dev/null 2>&1 || true
echo "== chat: wrk -t 2 -c 100 -d ${secs}s --latency POST /v1/chat (new session per request)"
timeout $((secs + 60)) wrk -t 2 -c 100 -d "${secs}s" --latency -s "$work/chat.lua" "$base/v1/chat" | tee "$work/chat.txt"

# --- sentiment ----------------------------------------------------------------------
awk -F'\t' 'NR <= 768 { print $2 }' "$corpus" >"$work/reviews.txt"  # not cut | head: SIGPIPE under pipefail
for _ in 1 2 3 4 5 6 7 8; do cat "$work/reviews.txt"; done >"$work/reviews6144.txt"
python3 - "$work/reviews.txt" "$work/bodies.txt" <<'PY'
import json, sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(0, len(lines) - 63, 64):
        out.write(json.dumps({"texts": lines[i:i + 64]}, ensure_ascii=False) + "\n")
PY
cat >"$work/sentiment.lua" <<LUA
local bodies = {}
for line in io.lines("$work/bodies.txt") do bodies[#bodies + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/sentiment", {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end
LUA
timeout 60 wrk -t 2 -c 4 -d 3s -s "$work/sentiment.lua" "$base/v1/sentiment" >/dev/null 2>&1 || true
echo "== sentiment: wrk -t 2 -c 4 -d ${secs}s --latency POST /v1/sentiment (64 reviews per request)"
timeout $((secs + 60)) wrk -t 2 -c 4 -d "${secs}s" --latency -s "$work/sentiment.lua" "$base/v1/sentiment" | tee "$work/sentiment.txt"
rps="$(awk '/Requests\/sec/ {print $2}' "$work/sentiment.txt")"
echo "service: $(python3 -c "print(round($rps * 64))") reviews/s"

kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

echo "== CLI: shopnlp sentiment tag on the same reviews (6,144 lines), the server stopped"
t0=$(date +%s.%N)
"$bin" sentiment tag --input "$work/reviews6144.txt" --format text --quiet >/dev/null 2>"$work/cli.txt"
t1=$(date +%s.%N)
cat "$work/cli.txt"
python3 -c "print('CLI wall incl. model load: %.0f reviews/s' % (6144 / ($t1 - $t0)))"

# --- memory soak --------------------------------------------------------------------
# Chat sessions created by wrk (one per request) and expired (--session-ttl 5) or evicted
# (cap 10,000) for SOAK seconds (default 120); resident memory sampled every 10 s.
soak="${SOAK:-120}"
timeout --kill-after=10 $((soak + 120)) "$bin" serve --port "$port" --session-ttl 5 --max-sessions 10000 2>"$work/soak.log" &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS -m 2 "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "== soak: ${soak}s of wrk -c 20 on /v1/chat, sessions TTL 5 s, cap 10,000; RSS in MiB every 10 s"
timeout $((soak + 60)) wrk -t 2 -c 20 -d "${soak}s" -s "$work/chat.lua" "$base/v1/chat" >"$work/soak-wrk.txt" 2>&1 &
wrk_pid=$!
serve_pid="$(pgrep -P "$server_pid" shopnlp || echo "$server_pid")"   # the server, not `timeout`
rss=()
for _ in $(seq 1 $((soak / 10))); do
    sleep 10
    rss+=("$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$serve_pid/status")")
done
wait "$wrk_pid" || true
echo "RSS MiB: ${rss[*]}"
grep -E "Requests/sec|requests in" "$work/soak-wrk.txt"
curl -fsS "$base/metrics" | grep -E "^shopnlp_chat_sessions"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
