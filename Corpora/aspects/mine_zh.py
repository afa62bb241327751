#!/usr/bin/env python3
"""Candidate Chinese aspect terms mined from the shared review corpora's *train* splits, for
Corpora/aspects/zh.tsv (issue 16: half the gold terms of our aspect set were missed because the
hand lexicon had 171 terms).

Rule: a word of 2-4 Han characters (our segmenter, `shopnlp tokenize`) directly followed by a
degree adverb (很 太 非常 比较 挺 …: "环境很好", "速度太慢") is a candidate; keep it when it is
seen so at least MIN_COUNT times and in at least SHARE of all its occurrences, and it is not
already in the lexicon. Function words and adverbs that precede degree adverbs too
(NOT_NOUNS) and words that are not aspects of a product or a stay (NOT_ASPECTS, each with its
reason) are left out; CATEGORY maps a term to an existing aspect for the report.

Reviews holding a clause of Corpora/aspects/eval/zh.tsv (compared by normalised key: NFKC,
lower case, no whitespace, punctuation or symbols) are left out, so the evaluation set never
feeds the lexicon it scores. The settings were chosen on half of that set (see
Benchmarks/results/zh-terms.md).

Usage: python3 Corpora/aspects/mine_zh.py [--shopnlp BIN] [--corpora DIR] [--min-count 10] [--share 0.1]
Prints `term<TAB>aspect` lines (to append to zh.tsv) and a summary on stderr.
"""
import argparse, collections, os, re, subprocess, sys, tempfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCES = ["online_shopping_10_cats/train.tsv", "chnsenticorp_htl_all/train.tsv"]
DEGREE = set("很 太 非常 比较 挺 特别 十分 蛮 相当 有点 超级 超 真 不太 还算 不够 极其 不是很 不怎么".split())
NOT_NOUNS = set("""我们 你们 他们 她们 这个 那个 这款 那款 感觉 觉得 东西 宝贝 商品 产品 东东 真的 实在 确实
总体 整体 总的来说 其他 而且 但是 就是 还是 不过 可是 自己 今天 这次 上次 以前 现在 第一次 一直 已经 一个
一次 这样 那样 有些 有的 个人 大家 朋友 孩子 宝宝 儿子 女儿 客人 总之 所以 因为 虽然 如果 可能 应该 还有
其实 本来 一点 看起来 用起来 穿起来 吃起来 摸起来 感觉到 酒店 这本书 这书 本书 手机 电脑 衣服 鞋子 水果
牛奶 洗发水 热水器 平板 裤子 非常 比较 特别 相当 这么 那么 真是 真心 超级 越来越 算是 的确 倒是 极其 更是
显得 感到 属于 来说 起来 看上去 不怎么 好好 刚刚 有点 还算 不太 尤其 特别是 同样 比如 加上 看着 用着
穿着 吃着 住着""".split())
NOT_ASPECTS = {
    "苹果": "a product (the fruit, or the brand), not an aspect of one",
    "相差": "a comparison", "差距": "a comparison", "差别": "a comparison", "差异": "a comparison",
    "心里": "the buyer's feeling", "身上": "the buyer's body", "心情": "the buyer's feeling",
    "意识": "the buyer's awareness", "运气": "luck", "印象": "the overall impression, not one aspect",
    "出行": "an activity", "出入": "an activity", "动作": "an action", "生意": "the seller's business",
    "依然": "an adverb", "爸爸": "a person", "太太": "a person", "老妈": "a person",
    "老公": "a person (the buyer's husband likes it)", "老婆": "a person",
    "西湖": "a place name", "天气": "the weather", "成本": "the seller's cost",
    "服务业": "an industry", "能力": "too vague (whose ability?)", "完头": "a segmentation fragment",
}
CATEGORY = {
    "快递小哥": "物流", "门童": "服务", "素质": "服务", "售后服务": "客服",
    "机场": "位置", "火车站": "位置", "地铁站": "位置", "车站": "位置", "市区": "位置", "地点": "位置",
    "海边": "位置", "停车场": "设施", "设备": "设施", "家具": "设施", "地毯": "设施", "暖气": "设施",
    "拖鞋": "设施", "下水": "设施", "电视机": "设施", "频道": "设施", "灯光": "设施", "水温": "设施",
    "水量": "设施", "蚊子": "卫生", "烟味": "卫生", "餐饮": "餐饮", "画面": "屏幕", "画质": "屏幕",
    "清晰度": "屏幕", "发热量": "性能", "版型": "尺码", "套装": "包装", "适配器": "电池",
}


def key(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] in "PS"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shopnlp", default=os.path.join(ROOT, "scripts", "shopnlp"))
    ap.add_argument("--corpora", default=os.environ.get("SHOPNLP_CORPORA", os.path.join(ROOT, "..", "shared", "corpora")))
    ap.add_argument("--min-count", type=int, default=10)
    ap.add_argument("--share", type=float, default=0.1)
    a = ap.parse_args()

    lexicon = set()
    with open(os.path.join(HERE, "zh.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                lexicon.add(line.split("\t")[0])
    with open(os.path.join(HERE, "eval", "zh.tsv"), encoding="utf-8") as f:
        held = [key(l.split("\t")[4]) for l in f.read().splitlines()[1:] if l.strip()]
    held = [h for h in held if h]

    texts = []
    for src in SOURCES:
        with open(os.path.join(a.corpora, src), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    sys.exit(f"{src}:{n}: expected label<TAB>text")
                texts.append(parts[1])
    kept = [t for t in texts if not any(h in key(t) for h in held)]

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "texts.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(t.replace("\n", " ") for t in kept) + "\n")
        out = subprocess.run([a.shopnlp, "tokenize", path], capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            sys.exit(out.stderr[-2000:])
    lines = out.stdout.splitlines()
    if len(lines) != len(kept):
        sys.exit(f"tokenize gave {len(lines)} lines for {len(kept)} texts")

    han = re.compile(r"[\u4e00-\u9fff]{2,4}")
    before, seen = collections.Counter(), collections.Counter()
    for line in lines:
        words = line.split()
        for i, w in enumerate(words):
            if not han.fullmatch(w):
                continue
            seen[w] += 1
            if i + 1 < len(words) and words[i + 1] in DEGREE and w not in NOT_NOUNS:
                before[w] += 1
    mined = [(w, n) for w, n in before.most_common()
             if n >= a.min_count and n / seen[w] >= a.share and w not in lexicon]
    terms = [(w, n) for w, n in mined if w not in NOT_ASPECTS]
    sys.stderr.write(f"{len(texts)} train reviews, {len(texts) - len(kept)} left out (hold an evaluation clause); "
                     f"{len(mined)} candidates, {len(mined) - len(terms)} not aspects, {len(terms)} terms\n")
    for w, _ in terms:
        print(f"{w}\t{CATEGORY.get(w, w)}")


if __name__ == "__main__":
    main()
