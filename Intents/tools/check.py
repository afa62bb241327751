#!/usr/bin/env python3
"""Cross-checks for Intents/ that the XML schemas cannot express.

Usage: python3 Intents/tools/check.py [--baseline]

- counts examples per intent per language (prints a table), duplicate examples,
  response variants (2+ per language) using only required slots, prompts for every slot
  in both languages, slot entities that exist, follow-ups that exist;
- entity <sample>s, with Python's `re` standing in for ICU regex;
- eval TSVs: known intents, no utterance that is also an example (held out);
- conversation tests: syntax, every intent covered in zh and en, test messages not copied from
  the examples, every `~ TEXT` contained in every variant of the expected intent;
- --baseline: a naive-Bayes character n-gram classifier trained on the examples and scored on
  eval/*.tsv (a sanity figure for how hard the held-out sets are, not the product model).
Exits non-zero when a check fails. Schema validation itself is xmllint's job.
"""
import math, os, re, sys, unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NI = "{https://shopnlp.example/intents}"
NE = "{https://shopnlp.example/entities}"
LANGS = ("zh", "en")
errors = []

def err(msg):
    errors.append(msg)

def norm(text):
    """Comparison key: NFKC, lower case, no spaces or punctuation."""
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in t if not (c.isspace() or unicodedata.category(c).startswith("P")))

def is_zh(text):
    return any("\u4e00" <= c <= "\u9fff" for c in text)

# ---------------------------------------------------------------- intents
intents = {}          # name -> dict
for fn in sorted(os.listdir(ROOT)):
    if not fn.endswith(".xml") or fn == "entities.xml":
        continue
    root = ET.parse(os.path.join(ROOT, fn)).getroot()
    for it in root.findall(NI + "intent"):
        name = it.get("name")
        if name in intents:
            err(f"{fn}: intent {name} also defined in {intents[name]['file']}")
        slots = {}
        for s in it.findall(NI + "slot"):
            prompts = {p.get("lang"): p.text for p in s.findall(NI + "prompt")}
            slots[s.get("name")] = dict(entity=s.get("entity"),
                                        required=s.get("required") in ("true", "1"),
                                        prompts=prompts)
        ex = {l: [] for l in LANGS}
        for e in it.findall(NI + "examples"):
            ex[e.get("lang")] += [x.text.strip() for x in e.findall(NI + "example")]
        resp = {l: [] for l in LANGS}
        whens = {}
        for r in it.findall(NI + "response"):
            resp[r.get("lang")] += [v.text.strip() for v in r.findall(NI + "variant")]
            # a variant with when="slot" is used only once that (optional) slot is filled
            whens.setdefault(r.get("lang"), []).extend(v.get("when") for v in r.findall(NI + "variant"))
        intents[name] = dict(file=fn, slots=slots, examples=ex, responses=resp,
                             handoff=it.get("handoff", "never"), whens=whens,
                             followups=[f.get("intent") for f in it.findall(NI + "followup")])

# ---------------------------------------------------------------- entities
eroot = ET.parse(os.path.join(ROOT, "entities.xml")).getroot()
entities = {}
for en in eroot.findall(NE + "entity"):
    pats = []
    for p in en.findall(NE + "pattern"):
        flags = re.I if p.get("ignoreCase") in ("true", "1") else 0
        # Python's re has no \p{Han}: the CJK ideograph blocks stand in for it
        pats.append((re.compile(p.text.replace("\\p{Han}", "\u3400-\u9fff"), flags), int(p.get("group", "0")), p.get("normalize", "none")))
    terms = []
    for v in en.findall(NE + "value"):
        for t in v.findall(NE + "term"):
            terms.append((t.text.lower(), v.get("canonical")))
    entities[en.get("name")] = (pats, terms, [(s.text, s.get("value")) for s in en.findall(NE + "sample")])

def normalize(value, how):
    if how == "digits":
        return ("+" if value.lstrip().startswith("+") else "") + "".join(c for c in value if c in "0123456789")
    if how == "upper":
        return value.upper()
    if how == "lower":
        return value.lower()
    if how == "alnum":
        value = unicodedata.normalize("NFKC", value)
        return "".join(c for c in value if c.isascii() and c.isalnum()).upper()
    return value

def find_entity(name, text):
    """First match (leftmost, longest on ties) as (start, value) or None."""
    pats, terms, _ = entities[name]
    found = []
    for rx, group, how in pats:
        m = rx.search(text)
        if m and m.group(group):
            found.append((m.start(), -(m.end() - m.start()), normalize(m.group(group), how)))
    low = text.lower()
    for term, canon in terms:
        ascii_term = all(ord(c) < 128 for c in term)
        start = 0
        while True:
            i = low.find(term, start)
            if i < 0:
                break
            j = i + len(term)
            if ascii_term and ((i > 0 and low[i - 1].isascii() and low[i - 1].isalnum()) or
                               (j < len(low) and low[j].isascii() and low[j].isalnum())):
                start = i + 1
                continue
            found.append((i, -len(term), canon))
            break
    if not found:
        return None
    found.sort()
    return found[0][0], found[0][2]

for name, (_, _, samples) in entities.items():
    for text, want in samples:
        got = find_entity(name, text)
        got_v = got[1] if got else None
        if got_v != want:
            err(f"entities.xml: {name} sample {text!r}: expected {want!r}, found {got_v!r}")

# ---------------------------------------------------------------- intent cross-checks
all_examples = {}     # norm -> (intent, lang)
for name, it in intents.items():
    for sname, s in it["slots"].items():
        if s["entity"] not in entities:
            err(f"{it['file']}: {name}: slot {sname} names unknown entity {s['entity']}")
        for l in LANGS:
            if not s["prompts"].get(l):
                err(f"{it['file']}: {name}: slot {sname} has no {l} prompt")
    required = {k for k, s in it["slots"].items() if s["required"]}
    for l in LANGS:
        if len(it["responses"][l]) < 2 and name != "oos":
            err(f"{it['file']}: {name}: fewer than 2 {l} response variants")
        for v, when in zip(it["responses"][l], it["whens"].get(l, [])):
            for ph in re.findall(r"\{([^}]*)\}", v):
                if ph not in required and ph != when:
                    err(f"{it['file']}: {name}: variant uses {{{ph}}} which is not a required slot: {v}")
        seen = set()
        for e in it["examples"][l]:
            k = norm(e)
            if k in seen:
                err(f"{it['file']}: {name}: duplicate {l} example {e!r}")
            seen.add(k)
            if k in all_examples and all_examples[k][0] != name:
                err(f"{it['file']}: {name}: {l} example {e!r} also in {all_examples[k][0]}")
            all_examples[k] = (name, l)
            if l == "en" and is_zh(e):
                err(f"{it['file']}: {name}: example {e!r} listed as {l}")
    for f in it["followups"]:
        if f not in intents:
            err(f"{it['file']}: {name}: follow-up names unknown intent {f}")

REQUIRED = """greet goodbye thanks order_status shipping_time shipping_fee cancel_order change_address
return_item refund_status exchange_item damaged_item wrong_item missing_package payment_failed
payment_methods invoice_request coupon_discount price_protection product_availability product_specs
size_guide warranty_repair account_login complaint human_agent""".split()
for r in REQUIRED:
    if r not in intents:
        err(f"required intent {r} is missing")

print(f"{'intent':24} {'file':16} {'zh':>4} {'en':>4} {'rzh':>4} {'ren':>4}")
tot = Counter()
for name in sorted(intents, key=lambda n: (intents[n]["file"], n)):
    it = intents[name]
    z, e = len(it["examples"]["zh"]), len(it["examples"]["en"])
    tot["zh"] += z; tot["en"] += e
    print(f"{name:24} {it['file']:16} {z:4} {e:4} {len(it['responses']['zh']):4} {len(it['responses']['en']):4}")
    need = 80 if name == "oos" else 40
    if name in REQUIRED or name == "oos":
        for l, n in (("zh", z), ("en", e)):
            if n < need:
                err(f"{name}: only {n} {l} examples (want {need}+)")
print(f"{'total':24} {'':16} {tot['zh']:4} {tot['en']:4}   ({len(intents)} intents incl. oos)")

# ---------------------------------------------------------------- eval TSVs
eval_sets = {}
for l in LANGS:
    p = os.path.join(ROOT, "eval", f"{l}.tsv")
    if not os.path.exists(p):
        err(f"missing eval/{l}.tsv")
        continue
    rows = []
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                err(f"eval/{l}.tsv:{n}: want intent<TAB>utterance")
                continue
            lab, utt = parts
            if lab not in intents:
                err(f"eval/{l}.tsv:{n}: unknown intent {lab}")
            if norm(utt) in all_examples:
                err(f"eval/{l}.tsv:{n}: {utt!r} is also an example of {all_examples[norm(utt)][0]}")
            rows.append((lab, utt))
    keys = Counter(norm(u) for _, u in rows)
    for k, c in keys.items():
        if c > 1:
            err(f"eval/{l}.tsv: duplicate utterance {k}")
    eval_sets[l] = rows
    c = Counter(lab for lab, _ in rows)
    print(f"eval/{l}.tsv: {len(rows)} lines, {len(c)} labels, min per intent {min(c.values())}, oos {c.get('oos', 0)}")
    for r in REQUIRED:
        if c.get(r, 0) < 3:
            err(f"eval/{l}.tsv: only {c.get(r, 0)} lines for {r}")

# ---------------------------------------------------------------- dev set (calibration)
eval_keys = {norm(u) for rows in eval_sets.values() for _, u in rows}
p = os.path.join(ROOT, "eval", "dev.tsv")
if os.path.exists(p):
    dev = []
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[0] not in intents:
                err(f"eval/dev.tsv:{n}: want known-intent<TAB>utterance")
                continue
            k = norm(parts[1])
            if k in all_examples:
                err(f"eval/dev.tsv:{n}: {parts[1]!r} is also an example of {all_examples[k][0]}")
            if k in eval_keys:
                err(f"eval/dev.tsv:{n}: {parts[1]!r} is also in eval/*.tsv")
            dev.append((parts[0], parts[1]))
    if len({norm(u) for _, u in dev}) != len(dev):
        err("eval/dev.tsv: duplicate utterances")
    for l in LANGS:
        c = Counter(lab for lab, u in dev if (l == "zh") == is_zh(u))
        print(f"eval/dev.tsv ({l}): {sum(c.values())} lines, min per intent {min(c.values())}, oos {c.get('oos', 0)}")
        for r in REQUIRED:
            if c.get(r, 0) < 3:
                err(f"eval/dev.tsv: only {c.get(r, 0)} {l} lines for {r}")

# ---------------------------------------------------------------- conversation tests
# turn labels that are not intents: "did you mean…" / "what should I do with this order?"
RESERVED = {"clarify"}
covered = defaultdict(set)
tdir = os.path.join(ROOT, "tests")
nconv = nturns = 0
for fn in sorted(os.listdir(tdir)):
    if not fn.endswith(".conv"):
        continue
    path = os.path.join(tdir, fn)
    in_conv = False
    turn = None
    slots, messages = {}, []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            where = f"tests/{fn}:{n}"
            if not line:
                continue
            if line.startswith("# conversation:"):
                in_conv, turn, slots, messages = True, None, {}, []
                nconv += 1
                continue
            if line.startswith("#"):
                continue
            if not in_conv:
                err(f"{where}: directive before the first '# conversation:'")
                continue
            if line.startswith(">"):
                msg = line[1:].strip()
                turn = dict(msg=msg, lang="zh" if is_zh(msg) else "en", intent=None)
                messages.append(msg)
                nturns += 1
                if norm(msg) in all_examples and not re.fullmatch(r"[0-9A-Za-z ]+", msg):
                    err(f"{where}: test message {msg!r} is an example of {all_examples[norm(msg)][0]}")
                continue
            if turn is None:
                err(f"{where}: expectation before any '>' turn")
                continue
            if line.startswith("~"):
                text = line[1:].strip()
                lang = turn.get("replylang", turn["lang"])
                name = turn["intent"]
                if turn.get("own_words"):
                    # the reply is the assistant's own question (confirm, re-ask, prompt, hand-off), not a variant
                    continue
                if name is None:
                    if not turn.get("negative_intent"):
                        err(f"{where}: '~' without '= intent' in the same turn (cannot check variants)")
                    continue
                if name not in intents:
                    continue
                # the variants the runtime may pick: when="slot" ones once that slot is filled, else the others
                whens = intents[name]["whens"].get(lang, [])
                filled_when = {w for w in whens if w and w in slots}
                for v, w in zip(intents[name]["responses"][lang], whens):
                    if not ((w in filled_when) if filled_when else (w is None)):
                        continue
                    filled = re.sub(r"\{([^}]*)\}", lambda m: slots.get(m.group(1), "{" + m.group(1) + "}"), v)
                    if text.lower() not in filled.lower():
                        err(f"{where}: '~ {text}' not in {name}/{lang} variant: {filled}")
                continue
            if line.startswith("!"):
                # negative checks: !handoff, !escalated, !intent NAME, !slot NAME, !~ TEXT
                neg = line[1:].split(None, 1)
                if not neg or neg[0] not in ("handoff", "escalated", "intent", "slot", "~") or \
                        (neg[0] in ("intent", "slot", "~")) != (len(neg) == 2):
                    err(f"{where}: unknown negative check {line!r}")
                elif neg[0] == "intent" and neg[1].strip() not in intents and neg[1].strip() not in RESERVED:
                    err(f"{where}: unknown intent {neg[1]}")
                elif neg[0] == "intent":
                    turn["negative_intent"] = True
                continue
            if not line.startswith("="):
                err(f"{where}: unknown line {line!r}")
                continue
            parts = line[1:].split(None, 2)
            if not parts:
                err(f"{where}: empty '='")
                continue
            kind = parts[0]
            if kind == "intent" and len(parts) == 2:
                turn["intent"] = parts[1]
                if parts[1] in RESERVED:
                    pass
                elif parts[1] not in intents:
                    err(f"{where}: unknown intent {parts[1]}")
                else:
                    covered[parts[1]].add(turn["lang"])
            elif kind == "asks" and len(parts) == 2:
                turn["own_words"] = True
                name = turn["intent"]
                if name in intents and parts[1] not in intents[name]["slots"]:
                    err(f"{where}: {name} has no slot {parts[1]}")
            elif kind == "slot" and len(parts) == 3:
                slots[parts[1]] = parts[2]
                name = turn["intent"]
                if name in intents and parts[1] not in intents[name]["slots"]:
                    err(f"{where}: {name} has no slot {parts[1]}")
                elif name in intents:
                    # the value comes from this or an earlier message of the conversation
                    ent = intents[name]["slots"][parts[1]]["entity"]
                    found = [find_entity(ent, m) for m in messages]
                    if not any(f and f[1] == parts[2] for f in found):
                        err(f"{where}: no message of the conversation yields {ent} = {parts[2]!r}")
            elif kind in ("handoff", "escalated") and len(parts) == 1:
                turn["own_words"] = True
            elif kind == "confirms" and len(parts) == 2:
                turn["own_words"] = True
            elif kind == "choices" and len(parts) >= 2:
                for c in line[1:].split()[1:]:
                    if c not in intents:
                        err(f"{where}: unknown intent {c} in choices")
            elif kind == "lang" and len(parts) == 2 and parts[1] in LANGS:
                turn["replylang"] = parts[1]
            else:
                err(f"{where}: bad expectation {line!r}")
for name in intents:
    for l in LANGS:
        if l not in covered.get(name, set()):
            err(f"tests: intent {name} has no {l} conversation turn")
print(f"tests: {nconv} conversations, {nturns} user turns")

# ---------------------------------------------------------------- baseline
def features(text):
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"\d", "0", t)
    feats = []
    padded = f" {t} "
    for n in (1, 2, 3):
        feats += [padded[i:i + n] for i in range(len(padded) - n + 1)]
    feats += ["w:" + w for w in re.findall(r"[a-z0]+", t)]
    return feats

def baseline():
    for l in LANGS:
        counts = defaultdict(Counter)
        docs = Counter()
        vocab = set()
        for name, it in intents.items():
            for e in it["examples"][l]:
                fs = features(e)
                counts[name].update(fs)
                docs[name] += 1
                vocab.update(fs)
        totals = {k: sum(c.values()) for k, c in counts.items()}
        V = len(vocab)
        ndocs = sum(docs.values())
        ok = n = 0
        ins_ok = ins_n = 0
        conf = Counter()
        for lab, utt in eval_sets.get(l, []):
            fs = features(utt)
            best = max(counts, key=lambda k: math.log(docs[k] / ndocs) +
                       sum(math.log((counts[k][f] + 0.1) / (totals[k] + 0.1 * V)) for f in fs))
            n += 1; ok += best == lab
            if lab != "oos":
                ins_n += 1; ins_ok += best == lab
            if best != lab:
                conf[(lab, best)] += 1
        print(f"baseline NB char 1-3gram ({l}): accuracy {ok}/{n} = {ok / max(n, 1):.3f}; "
              f"in-scope {ins_ok}/{ins_n} = {ins_ok / max(ins_n, 1):.3f}")
        for (a, b), c in conf.most_common(8):
            print(f"   {a} -> {b}: {c}")

if "--baseline" in sys.argv:
    baseline()

for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
