#!/usr/bin/env python3
"""N synthetic tagged review lines (JSON Lines, as `sentiment tag --aspects` writes them, plus
product and date) for timing `shopnlp sentiment report` on big inputs. Seeded: the same N
gives the same file.

    python3 Benchmarks/report_lines.py N OUT.jsonl [--seed 7]
"""
import argparse, datetime, json, random

ASPECTS = [("battery", "battery"), ("screen", "display"), ("price", "price"), ("delivery", "shipping"),
           ("service", "service"), ("quality", "quality"), ("物流", "物流"), ("质量", "质量"), ("价格", "价格")]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--products", type=int, default=5000)
    a = p.parse_args()
    rng = random.Random(a.seed)
    start = datetime.date(2024, 1, 1)
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            label = "positive" if rng.random() < 0.6 else "negative"
            score = round(rng.uniform(0.5, 1.0), 4)
            aspects = []
            for term, aspect in rng.sample(ASPECTS, 2):
                pol = rng.choice(["positive", "negative", "neutral"])
                aspects.append({"term": term, "aspect": aspect, "polarity": pol, "score": round(rng.random(), 4)})
            rec = {"id": str(i), "label": label, "score": score, "lang": "en",
                   "text": f"review {i}: the {aspects[0]['term']} and the {aspects[1]['term']}",
                   "product": f"P{rng.randrange(a.products):05d}",
                   "date": (start + datetime.timedelta(days=rng.randrange(366))).isoformat(),
                   "aspects": aspects}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
