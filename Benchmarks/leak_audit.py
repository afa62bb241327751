#!/usr/bin/env python3
"""Leakage audit of the shipped defaults (issue 11): re-derive the training text of each default
sentiment model (its manifest's own command with --write-text, stopped once the text is written:
the text is fixed before any training step) and of each default vector file (the command of
scripts/build-embeddings), then count normalised twins of held-out text in it with
`shopnlp corpus overlap --against TEXT --held-out` (every shared dev/test split) and, for the en
models, against the SemEval-2014 test gold.

    python3 Benchmarks/leak_audit.py [--bin .build/release/shopnlp] [--corpora ../shared/corpora]"""
import argparse, json, os, shlex, subprocess, tempfile, time
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, ".build/release/shopnlp"))
ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", os.path.join(root, "../shared/corpora")))
a = ap.parse_args()
bin_ = a.bin; tmp = tempfile.mkdtemp(prefix="leak-audit-")
env = dict(os.environ, SHOPNLP_HOME=root, SHOPNLP_CORPORA=os.path.abspath(a.corpora))
failed = 0
jobs = []
for lang in ["zh", "en"]:
    m = json.load(open(f"{root}/Models/sentiment-{lang}.manifest.json"))
    cmd = m["info"]["command"]
    args = shlex.split(cmd)[1:]
    i = args.index("--write-text"); args[i + 1] = f"{tmp}/sentiment-{lang}.txt"
    i = args.index("--out"); args[i + 1] = f"{tmp}/sentiment-{lang}.model"
    jobs.append((f"sentiment-{lang}", args, f"{tmp}/sentiment-{lang}.txt"))
for lang in ["zh", "en"]:
    args = ["embed", "train", "--corpus-set", lang, "--out", f"{tmp}/emb-{lang}.model", "--dim", "100", "--window", "5",
            "--negative", "5", "--min-count", "3", "--epochs", "5", "--subwords", "3-6", "--threads", "1", "--seed", "1",
            "--max-words", "20000", "--max-subwords", "5000", "--float16", "--write-text", f"{tmp}/embeddings-{lang}.txt"]
    jobs.append((f"embeddings-{lang}", args, f"{tmp}/embeddings-{lang}.txt"))
for name, args, text in jobs:
    if os.path.exists(text): os.remove(text)
    print(f"== {name}: shopnlp {' '.join(args)}", flush=True)
    p = subprocess.Popen([bin_] + args, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    last = -1
    while True:
        time.sleep(2)
        if p.poll() is not None: break
        if os.path.exists(text):
            size = os.path.getsize(text)
            if size == last and size > 0: break
            last = size
    p.kill(); p.wait()
    lines = sum(1 for _ in open(text, encoding="utf-8"))
    print(f"training text: {lines} lines", flush=True)
    r = subprocess.run([bin_, "corpus", "overlap", "--against", text, "--held-out"], cwd=root, env=env, capture_output=True, text=True)
    print(r.stdout, r.stderr[-500:], flush=True)
    if r.returncode != 0 or " 0 twins in all" not in r.stdout + r.stderr: failed += 1
    if name.endswith("-en"):
        gold = [os.path.join(env["SHOPNLP_CORPORA"], "semeval2014_absa", f) for f in ("Restaurants_Test_Gold.xml", "Laptops_Test_Gold.xml")]
        r = subprocess.run([bin_, "corpus", "overlap"] + gold + ["--against", text], cwd=root, env=env, capture_output=True, text=True)
        print(r.stdout, flush=True)
        if r.returncode != 0 or any(l.split("\t")[2] != "0" for l in r.stdout.splitlines()[1:] if l.count("\t") >= 4): failed += 1
    os.remove(text)
print("leak audit: " + ("0 twins in every training text" if failed == 0 else f"{failed} audit(s) found twins or failed"))
raise SystemExit(1 if failed else 0)
