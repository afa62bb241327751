"""Copy LM split audit (issue 11). Independent check (Python's own key, not TextKey): AdvertiseGen summaries in the copy LM's
train part (the 80/20 split re-implemented in Benchmarks/copy_metrics.py) with a normalised twin
among the held-out summaries. Key: NFKC, casefold, drop whitespace/punctuation/symbols."""
import json, os, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copy_metrics import held_out
def key(t):
    t = unicodedata.normalize("NFKC", t).casefold()
    return "".join(c for c in t if unicodedata.category(c)[0] not in "ZPS" and not c.isspace())
rows = [json.loads(l) for l in open(os.path.join(os.environ.get("SHOPNLP_CORPORA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/corpora")), "advertisegen/dev.json"), encoding="utf-8") if l.strip()]
ho = held_out(len(rows))
train_keys = {key(r["summary"]) for i, r in enumerate(rows) if i not in ho}
twins = sum(1 for i in ho if key(rows[i]["summary"]) in train_keys)
print(f"{len(rows)} summaries, held-out {len(ho)}; held-out with a twin in the raw train part: {twins}")
