import Foundation
import ShopCore
import ShopData

/// Quality and speed of product blurbs on the held-out 20% of AdvertiseGen (zh) and of the
/// catalogue sample (en), with the human copy as the anchor. AdvertiseGen ships only
/// dev.json: it is split 80/20 with a fixed seed (the LM trains on the 80%); every measure
/// here uses the held-out 20% only. BLEU-4 (characters) against the human copy is for
/// reference: templates are not trying to reproduce it.
public struct DescribeBenchmark {
    /// Corpora folder (nil: ../shared/corpora or SHOPNLP_CORPORA).
    public var corpora: String?
    /// Ranking LM file(s), comma-separated (nil: Models/copy-lm-zh.snm, -en.snm).
    public var model: String?
    /// Speed: describe the held-out set this many times per configuration.
    public var repeats = 5
    /// Print this many example outputs per language.
    public var examples = 3
    /// Random seed.
    public var seed: UInt64 = 1
    /// Candidates per product rescored by the LM.
    public var lmShortlist = RankingWeights.shipped.fluencyShortlist
    /// Speed: threads for the parallel rows.
    public var threads = min(8, ProcessInfo.processInfo.activeProcessorCount)
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// Runs every table, writing markdown through `emit`.
    public func run() throws {
        let library = try TemplateLibrary.loadDefault()
        let checker = ComplianceChecker(list: try ComplianceList.loadDefault())
        let lm = try DescribeModelLoader.load(explicit: model)
        emit("## bench describe\n")
        emit("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; LM: \(lm.map { $0.models.keys.map(\.rawValue).sorted().joined(separator: "+") } ?? "none"), shortlist \(lmShortlist)\n")

        // zh: AdvertiseGen held-out part.
        let (examplesAll, errors) = try CopyCorpora.advertiseGenExamples(path: ResourcePaths.corpus(CopyCorpora.advertiseGen, root: corpora))
        let split = DeterministicSplit(count: examplesAll.count + errors.count)
        let heldOut = examplesAll.filter { split.isHeldOut($0.index) }
        var vocabulary = Set<String>()
        for e in examplesAll { for a in e.record.specs { vocabulary.insert(a.value) } }
        let check = HallucinationCheck(vocabulary: vocabulary)
        emit("AdvertiseGen: \(examplesAll.count) examples (\(errors.count) unreadable), held out: \(heldOut.count) (seed \(DeterministicSplit.defaultSeed))\n")

        func describer(_ fluency: FluencyScorer?) -> ProductDescriber {
            ProductDescriber(library: library, checker: checker,
                             ranker: Ranker(weights: { var w = RankingWeights.shipped; w.fluencyShortlist = lmShortlist; return w }(), fluency: fluency),
                             options: DescriberOptions(variants: 1, seed: seed, preferSpecific: true))
        }
        var rows: [String] = []
        for (name, fluency) in [("templates + LM ranking", lm as FluencyScorer?), ("templates, coverage/repetition ranking only", nil)] {
            if name.contains("LM"), lm == nil { continue }
            let d = describer(fluency)
            // In batches, as describe runs: the diversity penalty works within a batch.
            let outs = d.describe(heldOut.map(\.record), threads: 1).map { $0.blurbs.first?.text ?? "" }
            rows.append(zhRow(name, outs, heldOut, check, checker))
        }
        rows.append(zhRow("anchor: human copy (reference)", heldOut.map(\.reference), heldOut, check, checker))
        emit("| zh, AdvertiseGen held-out | products | attribute coverage | hallucinated values | products with a hallucination | distinct-2 | BLEU-4 | banned-term hits | mean chars |")
        emit("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in rows { emit(r) }
        emit("")

        // en: catalogue held-out part.
        let (products, catErrors) = try CopyCorpora.catalogueProducts(path: ResourcePaths.corpus(CopyCorpora.catalogue, root: corpora))
        let catSplit = DeterministicSplit(count: products.count)
        let enHeld = products.enumerated().filter { catSplit.isHeldOut($0.offset) }.map(\.element)
        emit("catalogue: \(products.count) products (\(catErrors.count) unreadable), held out: \(enHeld.count)\n")
        emit("| en, catalogue held-out | products | with a blurb | important-fact coverage | facts not from the record | distinct-2 | banned-term hits | mean chars |")
        emit("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for (name, fluency) in [("templates + LM ranking", lm as FluencyScorer?), ("templates, coverage/repetition ranking only", nil)] {
            if name.contains("LM"), lm == nil { continue }
            let d = describer(fluency)
            let results = d.describe(enHeld, threads: 1)
            emit(enRow(name, results, enHeld, checker))
        }
        emit("")

        // Speed: single variant over the held-out sets, on one thread and on `threads`; every
        // pass starts with an empty LM memo and empty prefix caches, so sentences are scored
        // as on a first run. Prefix states per token: the LM's work per predicted token of
        // the texts it scored (1 would be scoring every text from scratch).
        emit("| speed (single variant) | threads | products | wall s | products/s (wall) | CPU s | products/CPU-s | LM memo hits | LM prefix states per token |")
        emit("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for (lang, records) in [("zh", heldOut.map(\.record)), ("en", enHeld)] {
            for t in Set([1, max(threads, 1)]).sorted() {
                if let lm { emit(speedRow("\(lang) + LM ranking", records, threads: t) { describer(LMFluencyScorer(models: Array(lm.models.values))) }) }
                emit(speedRow("\(lang), no LM", records, threads: t) { describer(nil) })
            }
        }
        emit("")

        if examples > 0 {
            let d = describer(lm)
            emit("### examples (held-out)\n")
            for e in heldOut.prefix(examples) {
                emit("- `\(e.record.specs.map { "\($0.key)#\($0.value)" }.joined(separator: "*"))`\n  → \(d.describe(e.record).blurbs.first?.text ?? "(none)")")
            }
            for p in enHeld.prefix(examples) {
                emit("- `\(p.title ?? p.id)`\n  → \(d.describe(p).blurbs.first?.text ?? "(none)")")
            }
        }
    }

    private func zhRow(_ name: String, _ outs: [String], _ examples: [CopyCorpora.Example], _ check: HallucinationCheck,
                       _ checker: ComplianceChecker) -> String {
        var coverage = 0.0, invented = 0, inventedProducts = 0, banned = 0, chars = 0
        for (o, e) in zip(outs, examples) {
            coverage += AttributeCoverage.of(o, attributes: e.record.specs)
            let bad = check.inventedValues(in: o, inputValues: e.record.specs.map(\.value))
            invented += bad.count
            if !bad.isEmpty { inventedProducts += 1 }
            banned += checker.hits(in: o).count
            chars += o.count
        }
        let n = Double(max(outs.count, 1))
        let bleu = BLEU.corpus(candidates: outs, references: examples.map(\.reference), language: .zh)
        let d2 = Distinctness.distinct(outs, n: 2, language: .zh)
        return "| \(name) | \(outs.count) | \(pct(coverage / n)) | \(invented) | \(inventedProducts) (\(pct(Double(inventedProducts) / n))) | \(f3(d2)) | \(f3(bleu * 100)) | \(banned) | \(Int((Double(chars) / n).rounded())) |"
    }

    private func enRow(_ name: String, _ results: [ProductDescription], _ records: [ProductRecord], _ checker: ComplianceChecker) -> String {
        var coverage = 0.0, withBlurb = 0, foreign = 0, banned = 0, chars = 0
        var texts: [String] = []
        for (r, p) in zip(results, records) {
            guard let b = r.blurbs.first else { continue }
            withBlurb += 1
            coverage += b.coverage
            let ctx = SlotContext(record: p, language: .en)
            var own = Set(p.specs)
            for key in ["title", "name", "brand", "category", "category path", "price", "feature"] { own.formUnion(ctx.attributes(for: key)) }
            // A mention must be one of the record's own facts (built-in or spec).
            for m in b.mentions where !own.contains(m) { foreign += 1 }
            banned += checker.hits(in: b.text).count
            chars += b.text.count
            texts.append(b.text)
        }
        let n = Double(max(withBlurb, 1))
        return "| \(name) | \(records.count) | \(withBlurb) | \(pct(coverage / n)) | \(foreign) | \(f3(Distinctness.distinct(texts, n: 2, language: .en))) | \(banned) | \(Int((Double(chars) / n).rounded())) |"
    }

    private func speedRow(_ name: String, _ records: [ProductRecord], threads: Int, make: () -> ProductDescriber) -> String {
        var sink = 0, wall = 0.0, cpu = 0.0, lookups = 0, hits = 0, prefixes = 0, tokens = 0
        for _ in 0..<max(repeats, 1) {
            let d = make()
            let start = Date(), cpuStart = CPUClock.processSeconds()
            for r in d.describe(records, threads: threads) { sink &+= r.blurbs.count }
            wall += Date().timeIntervalSince(start)
            cpu += CPUClock.processSeconds() - cpuStart
            if let lm = d.ranker.fluency as? LMFluencyScorer {
                lookups += lm.lookups; hits += lm.hits; prefixes += lm.computedPrefixes; tokens += lm.scoredTokens
            }
        }
        let count = records.count * max(repeats, 1)
        _ = sink
        let memo = lookups == 0 ? "–" : pct(Double(hits) / Double(lookups))
        let work = tokens == 0 ? "–" : String(format: "%.2f", Double(prefixes) / Double(tokens))
        return "| \(name) | \(threads) | \(count) | \(String(format: "%.2f", wall)) | \(Int((Double(count) / wall).rounded())) | \(String(format: "%.2f", cpu)) | \(Int((Double(count) / max(cpu, 1e-9)).rounded())) | \(memo) | \(work) |"
    }

    private func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    private func f3(_ x: Double) -> String { String(format: "%.3f", x) }
}
