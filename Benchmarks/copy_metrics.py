#!/usr/bin/env python3
"""Independent checker for `shopnlp describe` blurbs (issue 19).

Runs the CLI on the AdvertiseGen held-out split (zh) and the shared English catalogue
sample (en) and measures, with its OWN lists (nothing is read from Corpora/templates or
Corpora/compliance, so the describer cannot grade itself):

  distinct-2 (characters zh / words en), the largest share of blurbs that share one
  sentence, one closing clause, one opening word pair (en); character BLEU-4 against the
  human AdvertiseGen copy; attribute-value coverage; unsupported claims; banned terms
  outside brand/product names; wrong prices; products without a blurb; variant similarity;
  speed (products/s through the CLI, with the load average at the start, so quiet and loaded runs can be told apart).

Usage: python3 Benchmarks/copy_metrics.py [--shopnlp .build/release/shopnlp] [--corpora ../shared/corpora]
"""
import argparse, collections, csv, json, math, os, re, resource, subprocess, sys, tempfile, time

MASK = (1 << 64) - 1

class SplitMix64:
    def __init__(self, seed): self.s = seed & MASK
    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)
    def below(self, bound):
        # Swift's RandomNumberGenerator.next(upperBound:) (Lemire, rejection on the low word)
        r = self.next(); m = r * bound
        if (m & MASK) < bound:
            t = ((1 << 64) - bound) % bound
            while (m & MASK) < t:
                r = self.next(); m = r * bound
        return m >> 64

def held_out(count, share=0.2, seed=20261126):
    """The same split as ShopCopywriting's DeterministicSplit (Swift shuffle + SplitMix64)."""
    rng = SplitMix64(seed); order = list(range(count)); cur = 0; amount = count
    while amount > 1:
        r = rng.below(amount); amount -= 1
        order[cur], order[cur + r] = order[cur + r], order[cur]; cur += 1
    return set(order[:int(math.floor(count * share + 0.5))])

# ---- the checker's own lists (independent of Corpora/) ----
ZH_BANNED = ["最", "第一", "第1名", "NO.1", "NO1", "TOP1", "TOP 1", "首屈一指", "100%", "１００％", "百分百", "顶级", "极致",
             "唯一", "独家", "国家级", "世界级", "完美", "无敌", "绝对", "万能", "史无前例", "全网", "冠军", "王牌"]
ZH_BANNED_OK = ["最近", "第一时间", "第一眼"]
EN_BANNED = [r"\bbest\b", r"\bperfect(ly)?\b", r"\bultimate\b", r"\bunmatched\b", r"\bunbeatable\b", r"#\s?1\b", r"\bno\.?\s?1\b",
             r"\btop\s?1\b", r"\bnumber one\b", r"\bguarantee[ds]?\b", r"100\s?%", r"１００％", r"\bworld[- ]class\b", r"\bflawless\b",
             r"\bgreatest\b", r"\bfinest\b", r"\bcheapest\b", r"\bmiracle\b", r"\brisk-free\b"]
# Claims that need a supporting attribute: (claim, key, values that support it); None: no value supports it.
DRAPE = ["雪纺", "真丝", "丝绸", "醋酸", "莫代尔", "天丝", "垂坠", "冰丝", "涤纶", "针织"]
ZH_CLAIMS = [("适合多个季节", None, None), ("四季", None, None), ("不易变形", None, None), ("不起球", None, None),
             ("垂感", "材质", DRAPE), ("透气", "材质", ["棉", "纯棉", "亚麻", "麻", "网纱", "真丝", "雪纺", "天丝", "莫代尔", "冰丝"]),
             ("保暖", "材质", ["羊毛", "羊绒", "毛呢", "羽绒", "加绒", "针织", "棉"]), ("防水", None, None)]
ZH_NOT_WITH = [("低调", "图案", ["亮片", "撞色", "拼色", "亮丝"]), ("低调", "风格", ["朋克", "嘻哈", "街头"])]
ZH_NOISE = [r"点缀[^，。]{0,6}(线条|纯色|复古)元素", r"(线条|纯色|复古)元素"]

def units(text, lang):
    if lang == "zh": return [c for c in text if not c.isspace()]
    return re.findall(r"[A-Za-z0-9'$€£¥.,%-]+|[^\sA-Za-z0-9]", text.lower())

def distinct2(texts, lang):
    seen, total = set(), 0
    for t in texts:
        u = units(t, lang)
        for i in range(len(u) - 1): seen.add((u[i], u[i + 1])); total += 1
    return len(seen) / total if total else 0.0

def sentences(text, lang):
    pat = r"(?<=[。！？!?])" if lang == "zh" else r"(?<=[.!?])\s+"
    return [s.strip() for s in re.split(pat, text) if s.strip()]

def closing(text, lang):
    s = sentences(text, lang)
    if not s: return ""
    last = s[-1]
    clauses = [c for c in re.split(r"[，,；;]", last) if c.strip()]
    return clauses[-1].strip(" 。！？!.") if clauses else last

def max_share(texts, key):
    c = collections.Counter()
    for t in texts:
        for k in set(key(t)): c[k] += 1
    if not c: return 0.0, ""
    k, n = c.most_common(1)[0]
    return n / len(texts), k

def char_bleu4(cands, refs):
    clipped = [0] * 4; total = [0] * 4; clen = rlen = 0
    for c, r in zip(cands, refs):
        c = [x for x in c if not x.isspace()]; r = [x for x in r if not x.isspace()]
        clen += len(c); rlen += len(r)
        for n in range(1, 5):
            cg = collections.Counter(tuple(c[i:i + n]) for i in range(len(c) - n + 1))
            rg = collections.Counter(tuple(r[i:i + n]) for i in range(len(r) - n + 1))
            clipped[n - 1] += sum(min(v, rg[g]) for g, v in cg.items()); total[n - 1] += max(len(c) - n + 1, 0)
    if min(clipped) == 0: return 0.0
    logp = sum(math.log(clipped[i] / total[i]) for i in range(4)) / 4
    bp = 1.0 if clen > rlen else math.exp(1 - rlen / max(clen, 1))
    return 100 * bp * math.exp(logp)

def jaccard_bigrams(a, b, lang):
    ga = set(zip(units(a, lang), units(a, lang)[1:])); gb = set(zip(units(b, lang), units(b, lang)[1:]))
    return len(ga & gb) / len(ga | gb) if ga | gb else 1.0

def run(cli, args):
    p = subprocess.run([cli, "describe"] + args, capture_output=True, text=True, timeout=900)
    if p.returncode not in (0,):
        sys.stderr.write(p.stderr[-2000:])
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()], p.stderr

def zh_checks(blurb, attrs):
    bad = []
    vals = collections.defaultdict(list)
    for k, v in attrs: vals[k].append(v)
    for claim, key, support in ZH_CLAIMS:
        if claim in blurb and (key is None or not any(s in v for v in vals.get(key, []) for s in support)):
            bad.append(claim)
    for claim, key, vs in ZH_NOT_WITH:
        if claim in blurb and any(v in vs for v in vals.get(key, [])): bad.append(claim + "+" + key)
    for p in ZH_NOISE:
        if re.search(p, blurb): bad.append("noise:" + re.search(p, blurb).group(0))
    return bad

def zh_banned(text):
    t = text
    for ok in ZH_BANNED_OK: t = t.replace(ok, "")
    return [b for b in ZH_BANNED if b.lower() in t.lower()]

def en_banned(text, exempt):
    """Banned patterns in the text, except where the same words are the product's own name:
    a pattern that also matches the title or brand counts only if it occurs more often in
    the blurb than the name's words explain."""
    t = re.sub(r"\bBest Buy\b", " ", text)
    found = []
    for p in EN_BANNED:
        n = len(re.findall(p, t, re.I))
        named = max((len(re.findall(p, e, re.I)) for e in exempt if e), default=0)
        name_uses = sum(1 for e in exempt if e and re.search(p, e, re.I) and e.split()[0].lower() in t.lower())
        if n > (named if name_uses else 0): found.append(p)
    return found

def parse_usd(s):
    m = re.search(r"\$\s?([0-9][0-9,]*\.?[0-9]*)", s or "")
    return float(m.group(1).replace(",", "")) if m else None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shopnlp", default=".build/release/shopnlp")
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--extra", default="", help="extra describe options, space-separated")
    ap.add_argument("--speed-repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="skip the variants and speed runs")
    ap.add_argument("--split", choices=["held-out", "dev"], default="held-out",
                    help="zh examples scored: the held-out 20%% (report), or dev: the last 214 of the train part and "
                         "the copy LM's own dev texts among them (the last 85), for choosing settings")
    ap.add_argument("--save", default="", help="also write the zh blurbs of the scored split here (JSON lines: index, blurb)")
    a = ap.parse_args()
    extra = a.extra.split()
    adgen = os.path.join(a.corpora, "advertisegen/dev.json")
    cat = os.path.join(a.corpora, "amazon_products_promptcloud_sample/test_sample_1000.csv")
    lines = [json.loads(l) for l in open(adgen, encoding="utf-8") if l.strip()]
    ho = held_out(len(lines))
    out = []
    # ---- zh ----
    res, _ = run(a.shopnlp, ["--products", adgen, "--format", "advertisegen"] + extra)
    byline = {}
    for r in res:
        m = re.search(r"(\d+)$", r["id"]); byline[int(m.group(1))] = r
    if a.split == "dev":
        train_part = [i for i in range(len(lines)) if i not in ho]
        sets = [("zh AdvertiseGen dev (last 214 of the train part)", train_part[-214:]),
                ("zh AdvertiseGen LM dev (last 85 of the train part)", train_part[-85:])]
    else:
        sets = [("zh AdvertiseGen held-out", sorted(i for i in ho)), ("zh AdvertiseGen all dev", list(range(len(lines))))]
    if a.save:
        with open(a.save, "w", encoding="utf-8") as f:
            for i in sets[0][1]:
                r = byline.get(i + 1)
                f.write(json.dumps({"index": i, "blurb": r["blurbs"][0]["text"] if r and r.get("blurbs") else ""}, ensure_ascii=False) + "\n")
    for name, idx in sets:
        texts, refs, cov, claims, banned, empty = [], [], [], collections.Counter(), 0, 0
        for i in idx:
            r = byline.get(i + 1)
            t = r["blurbs"][0]["text"] if r and r.get("blurbs") else ""
            if not t: empty += 1
            attrs = [tuple(p.split("#", 1)) for p in lines[i]["content"].split("*") if "#" in p]
            texts.append(t); refs.append(lines[i]["summary"])
            values = {v.lower() for _, v in attrs}
            cov.append(sum(1 for v in values if v in t.lower()) / len(values) if values else 1)
            for c in zh_checks(t, attrs): claims[c] += 1
            banned += len(zh_banned(t))
        s_share, s_top = max_share(texts, lambda t: sentences(t, "zh"))
        c_share, c_top = max_share(texts, lambda t: [closing(t, "zh")])
        out.append((name, len(idx), {
            "distinct-2": round(distinct2(texts, "zh"), 3), "human distinct-2": round(distinct2(refs, "zh"), 3),
            "max sentence share": f"{s_share:.1%} ({s_top[:20]})", "max closing share": f"{c_share:.1%} ({c_top[:20]})",
            "char BLEU-4": round(char_bleu4(texts, refs), 2), "value coverage": round(sum(cov) / len(cov), 3),
            "unsupported claims": sum(claims.values()), "claims": dict(claims.most_common(6)), "banned terms": banned,
            "no blurb": empty, "mean chars": round(sum(map(len, texts)) / len(texts), 1)}))
    # ---- en ----
    rows = list(csv.DictReader(open(cat, encoding="utf-8")))
    byid = {r["Uniq Id"]: r for r in rows}
    res, err = run(a.shopnlp, ["--products", cat] + extra)
    texts, banned, wrong_price, empty, brand_cov = [], collections.Counter(), 0, 0, []
    for r in res:
        t = r["blurbs"][0]["text"] if r.get("blurbs") else ""
        if not t: empty += 1; continue
        src = byid.get(r["id"], {})
        texts.append(t)
        for b in en_banned(t, [src.get("Product Name", ""), src.get("Brand Name", "")]): banned[b] += 1
        p = parse_usd(t); sp = parse_usd(src.get("Selling Price", ""))
        if p is not None and (sp is None or abs(p - sp) > 0.005): wrong_price += 1
        if src.get("Brand Name"): brand_cov.append(src["Brand Name"].lower() in t.lower())
    s_share, s_top = max_share(texts, lambda t: sentences(t, "en"))
    o_share, o_top = max_share(texts, lambda t: [" ".join(t.split()[:2]).lower()])
    c_share, c_top = max_share(texts, lambda t: [closing(t, "en").lower()])
    out.append(("en catalogue (1,000)", len(rows), {
        "with a blurb": len(texts), "distinct-2": round(distinct2(texts, "en"), 3),
        "max sentence share": f"{s_share:.1%} ({s_top[:30]})", "max opening pair share": f"{o_share:.1%} ({o_top})",
        "max closing share": f"{c_share:.1%} ({c_top[:30]})", "banned terms outside names": sum(banned.values()),
        "banned": dict(banned.most_common(5)), "wrong prices": wrong_price,
        "brand mentioned": round(sum(brand_cov) / max(len(brand_cov), 1), 3),
        "'Highlights:' share": f"{sum('Highlights:' in t for t in texts) / max(len(texts), 1):.1%}",
        "mean chars": round(sum(map(len, texts)) / max(len(texts), 1), 1)}))
    # ---- variants ----
    for lang, src, fmt in ([] if a.quick else [("zh", adgen, ["--format", "advertisegen"]), ("en", cat, [])]):
        res, _ = run(a.shopnlp, ["--products", src, "--variants", "3"] + fmt + extra)
        sims = []
        for r in res[:300]:
            bs = [b["text"] for b in r.get("blurbs", [])]
            for i in range(len(bs)):
                for j in range(i + 1, len(bs)): sims.append(jaccard_bigrams(bs[i], bs[j], lang))
        out.append((f"{lang} --variants 3 (first 300)", len(res[:300]), {"mean pairwise bigram Jaccard": round(sum(sims) / max(len(sims), 1), 3)}))
    # ---- speed (wall and CPU time of the CLI process: the machine is shared) ----
    if a.quick:
        for name, n, m in out:
            print(f"### {name} ({n})")
            for k, v in m.items(): print(f"- {k}: {v}")
            print()
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        for _ in range(a.speed_repeats):
            for i, l in enumerate(lines): f.write(json.dumps(l, ensure_ascii=False) + "\n")
        big = f.name
    for label, args in [("zh", ["--products", big, "--format", "advertisegen"]), ("en", ["--products", cat])]:
        load0 = os.getloadavg()[0]
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.time()
        res, _ = run(a.shopnlp, args + extra)
        dt = time.time() - t0; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        out.append((f"speed {label} (CLI incl. start-up and LM load, load average {load0:.2f} at start)", len(res), {
            "wall s": round(dt, 2), "products/s wall": int(len(res) / dt), "CPU s": round(cpu, 2),
            "products per CPU-second": int(len(res) / max(cpu, 1e-9))}))
    os.unlink(big)
    for name, n, m in out:
        print(f"### {name} ({n})")
        for k, v in m.items(): print(f"- {k}: {v}")
        print()

if __name__ == "__main__":
    main()
