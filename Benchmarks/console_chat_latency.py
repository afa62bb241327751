#!/usr/bin/env python3
"""Round trip of the console's chat pane on loopback: the request the page sends per message
(POST /v1/chat with "explain": true, in one session), timed from the client, one at a time.

    python3 Benchmarks/console_chat_latency.py --base http://127.0.0.1:8080 --turns 500

Prints p50/p90/p99/max in ms. Messages cycle through a fixed list (zh and en, with and
without order numbers); a new session every 10 turns, as a tester would start over."""
import argparse
import json
import time
import urllib.request

MESSAGES = ["我的订单到哪了", "2024031512345678", "谢谢", "where is my order", "SO246801357", "can I return these shoes",
            "运费怎么算", "I want to talk to a person", "退货要多久到账", "thanks, bye"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--turns", type=int, default=500)
    args = ap.parse_args()
    times, session = [], None
    for i in range(args.turns):
        body = {"message": MESSAGES[i % len(MESSAGES)], "explain": True}
        if session and i % 10:
            body["session"] = session
        req = urllib.request.Request(args.base + "/v1/chat", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=10) as r:
            session = json.loads(r.read())["session"]
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    print(f"chat round trip, {len(times)} turns: p50 {q(0.5):.2f} ms, p90 {q(0.9):.2f} ms, p99 {q(0.99):.2f} ms, max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()
