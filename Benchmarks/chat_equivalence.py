#!/usr/bin/env python3
"""Replays a fixed set of chat turns against a running `shopnlp serve` and writes every
`POST /v1/chat` response (session id removed) as one JSON line, so two builds can be compared
byte for byte: `diff before.jsonl after.jsonl` must be empty when a change keeps every reply,
intent, confidence, entity, slot, hand-off and urgency.

Turns: the conversations of Intents/tests/*.conv (one session each), every message of
Intents/eval/{zh,en,dev,complaints,complaints-dev,urgency-cues,urgency-cues-dev}.tsv and
redaction.txt as a new session, the same messages again in sessions of 6 consecutive
turns (slot filling, follow-ups, confirmations, hand-off), a few with `lang` forced and a few
with `explain`.

Usage: chat_equivalence.py BASE_URL OUT.jsonl
"""
import json
import sys
import urllib.request
from pathlib import Path

root = Path(__file__).resolve().parent.parent
base, out_path = sys.argv[1], sys.argv[2]


def post(body):
    req = urllib.request.Request(base + "/v1/chat", data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def conversations():
    for f in sorted((root / "Intents/tests").glob("*.conv")):
        conv = []
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("# conversation:"):
                if conv:
                    yield f.name, conv
                conv = []
            elif line.startswith("> "):
                conv.append(line[2:])
        if conv:
            yield f.name, conv


def messages():
    ev = root / "Intents/eval"
    for name in ["zh.tsv", "en.tsv", "dev.tsv", "complaints.tsv", "complaints-dev.tsv", "urgency-cues.tsv",
                 "urgency-cues-dev.tsv"]:
        for line in (ev / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")[-1]
    for line in (ev / "redaction.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield line


n = 0
with open(out_path, "w", encoding="utf-8") as out:
    def turn(label, body, session):
        global n
        if session is not None:
            body = dict(body, session=session)
        status, text = post(body)
        n += 1
        try:
            o = json.loads(text)
        except ValueError:
            o = {"unparsed": text}
        sid = o.pop("session", None) if isinstance(o, dict) else None
        out.write(json.dumps({"case": label, "status": status, "response": o}, ensure_ascii=False, sort_keys=False) + "\n")
        return sid

    for name, conv in conversations():
        session = None
        for m in conv:
            session = turn(name, {"message": m}, session)
    msgs = list(messages())
    for i, m in enumerate(msgs):
        turn("single", {"message": m}, None)
    for start in range(0, len(msgs), 6):
        session = None
        for m in msgs[start:start + 6]:
            session = turn("chain", {"message": m}, session)
    for i, m in enumerate(msgs[::7]):
        turn("lang", {"message": m, "lang": "en" if i % 2 else "zh"}, None)
        turn("explain", {"message": m, "explain": True}, None)
print(f"{n} turns written to {out_path}", file=sys.stderr)
