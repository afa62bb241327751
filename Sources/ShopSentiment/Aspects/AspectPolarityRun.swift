import Foundation
import ShopData
import ShopNeural
import ShopCore

/// What `shopnlp sentiment absa` does, so that the command only parses options.
public enum AspectPolarityRun {
    /// Trains on the pooled training files, writes the model (and optionally its manifest)
    /// and returns a text summary with the scores on each test file.
    /// `extraFiles` are trained on but never carved into dev.
    public static func trainAndTest(trainFiles: [String], extraFiles: [String] = [], testFiles: [String], options: AspectPolarityOptions,
                                    embeddings: String?, out: String, writeManifest: Bool, command: String,
                                    log: (String) -> Void) throws -> String {
        var sentences: [ABSASentence] = [], extra: [ABSASentence] = []
        for f in trainFiles { sentences += try ABSASentence.read(f) }
        for f in extraFiles { extra += try ABSASentence.read(f) }
        let start = Date()
        let (model, report) = try AspectPolarityTrainer.train(sentences: sentences, extra: extra, options: options,
                                                              embeddings: embeddings, log: log)
        let seconds = Date().timeIntervalSince(start)
        model.training["command"] = command
        model.training["trainFiles"] = trainFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: " ")
        if !extraFiles.isEmpty { model.training["alsoTrainFiles"] = extraFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: " ") }
        try model.save(to: out)
        log("wrote \(out)")
        var summary = String(format: "best epoch %d, dev accuracy %.2f%%, macro-F1 %.2f (%d train / %d dev terms, %.1fs per epoch, %.0fs in all)\n",
                             report.bestEpoch, report.dev.accuracy * 100, report.dev.macroF1 * 100, report.trainExamples,
                             report.devExamples, report.secondsPerEpoch, seconds)
        var tests: [String: SentimentMetrics] = [:]
        for f in testFiles {
            let m = model.evaluate(try ABSASentence.read(f))
            tests[(f as NSString).lastPathComponent] = m
            summary += String(format: "test %@: accuracy %.2f%%, macro-F1 %.2f (%d terms)\n",
                              (f as NSString).lastPathComponent, m.accuracy * 100, m.macroF1 * 100, m.count)
        }
        if writeManifest {
            try writePolarityManifest(out: out, options: options, dev: report.dev, tests: tests, seconds: seconds, command: command, log: log)
        }
        return summary
    }

    /// Writes `<out without .model>.manifest.json`: size, checksum, scores, the rebuild command.
    static func writePolarityManifest(out: String, options: AspectPolarityOptions, dev: SentimentMetrics, tests: [String: SentimentMetrics],
                                      seconds: Double, command: String, log: (String) -> Void) throws {
        let reloaded = try Data(contentsOf: URL(fileURLWithPath: out))
        let manifest = AspectPolarityManifest(
            model: (out as NSString).lastPathComponent, bytes: reloaded.count,
            checksum: String(format: "fnv1a64:%016llx", FNV1a.hash64(bytes: reloaded)),
            format: "ModelArchive kind \(AspectPolarityModel.kind), float16, absa version \(AspectPolarityModel.version)",
            labels: AspectPolarityModel.labels, options: options, dev: dev, test: tests,
            trainingSeconds: seconds, rebuild: command)
        let path = (out.hasSuffix(".model") ? String(out.dropLast(6)) : out) + ".manifest.json"
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try enc.encode(manifest), to: path)
        log("wrote \(path)")
    }

    /// Adds a transfer sentiment model to a trained aspect model: the mix is chosen on the
    /// dev terms that training with `seed` held out of `trainFiles` (the same files, in the
    /// same order, as at training), and the model is written to `out`. Returns a summary.
    /// With `writeManifest`, also scores `testFiles` and writes the manifest, whose rebuild
    /// command is the network's own training command (kept in the file) followed by `command`.
    public static func attachTransfer(model path: String, trainFiles: [String], seed: UInt64, sentiment: String,
                                      out: String, testFiles: [String] = [], writeManifest: Bool = false, command: String = "",
                                      classOffsets: Bool = false, log: (String) -> Void) throws -> String {
        let model = try AspectPolarityModel.load(path)
        var sentences: [ABSASentence] = []
        for f in trainFiles { sentences += try ABSASentence.read(f) }
        var options = AspectPolarityOptions()
        options.seed = seed
        let dev = AspectPolarityTrainer.devSentences(sentences, options: options)
        let (alone, mixed) = try AspectPolarityTrainer.attachTransfer(sentiment, to: model, dev: dev, classOffsets: classOffsets, log: log)
        let network = model.training["command"] ?? ""
        model.training["transferCommand"] = command
        try model.save(to: out)
        log("wrote \(out)")
        var summary = String(format: "dev accuracy %.2f%% → %.2f%%, macro-F1 %.2f → %.2f (%d dev terms)\n",
                             alone.accuracy * 100, mixed.accuracy * 100, alone.macroF1 * 100, mixed.macroF1 * 100, mixed.count)
        var tests: [String: SentimentMetrics] = [:]
        for f in testFiles {
            let m = try AspectPolarityModel.load(out).evaluate(try ABSASentence.read(f))
            tests[(f as NSString).lastPathComponent] = m
            summary += String(format: "test %@: accuracy %.2f%%, macro-F1 %.2f (%d terms)\n",
                              (f as NSString).lastPathComponent, m.accuracy * 100, m.macroF1 * 100, m.count)
        }
        if writeManifest {
            options.transferFrom = sentiment
            if classOffsets { options.classOffsets = true }
            try writePolarityManifest(out: out, options: options, dev: mixed, tests: tests, seconds: 0,
                                      command: network.isEmpty ? command : network + " && " + command, log: log)
        }
        return summary
    }

    /// Joins model files into one ensemble file (mean probabilities); returns a summary line.
    public static func ensemble(models paths: [String], out: String) throws -> String {
        let model = try AspectPolarityModel.ensemble(try paths.map { try AspectPolarityModel.load($0) })
        model.training["ensembleOf"] = paths.map { ($0 as NSString).lastPathComponent }.joined(separator: " ")
        try model.save(to: out)
        let bytes = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? 0
        return "wrote \(out): \(model.members.count + 1) networks, \(bytes) bytes"
    }

    /// Scores a model file on pooled gold files: a text table, or JSON with `accuracy`,
    /// `macro_f1`, `count`, `per_class` (precision, recall, f1, support) and `confusion`.
    /// Several model files are scored as one ensemble (mean class probabilities).
    public static func evaluate(models paths: [String], testFiles: [String], json: Bool) throws -> String {
        let models = try paths.map { try AspectPolarityModel.load($0) }
        var sentences: [ABSASentence] = []
        for f in testFiles { sentences += try ABSASentence.read(f) }
        let m = AspectPolarityModel.evaluate(ensemble: models, sentences)
        guard json else { return m.report }
        var out = "{\"accuracy\":\(m.accuracy),\"macro_f1\":\(m.macroF1),\"count\":\(m.count),\"per_class\":{"
        for (i, c) in m.perClass.enumerated() {
            if i > 0 { out += "," }
            out += "\"\(c.label)\":{\"precision\":\(c.precision),\"recall\":\(c.recall),\"f1\":\(c.f1),\"support\":\(c.support)}"
        }
        out += "},\"confusion\":\(m.confusion),\"labels\":[\(m.labels.map { "\"\($0)\"" }.joined(separator: ","))]}"
        return out
    }

    /// Trains the BIO term tagger; returns a summary with test F1 beside the lexicon's. With
    /// `writeManifest`, writes `<out without .model>.manifest.json` (size, checksum, scores,
    /// the rebuild `command`) beside the model, as for the polarity model.
    public static func trainTagger(trainFiles: [String], extraFiles: [String] = [], testFiles: [String], options: AspectPolarityOptions, embeddings: String?,
                                   features: AspectTaggerFeatures = AspectTaggerFeatures(),
                                   lexicon: AspectExtractor, out: String, writeManifest: Bool = false, command: String = "",
                                   log: (String) -> Void) throws -> String {
        var sentences: [ABSASentence] = []
        for f in trainFiles { sentences += try ABSASentence.read(f) }
        var extra: [ABSASentence] = []
        for f in extraFiles { extra += try ABSASentence.read(f) }
        let start = Date()
        let (tagger, dev) = try AspectTermTagger.train(sentences: sentences, extra: extra, options: options, embeddings: embeddings,
                                                       features: features, log: log)
        let seconds = Date().timeIntervalSince(start)
        try tagger.save(to: out)
        log("wrote \(out)")
        var summary = String(format: "dev term F1 %.2f\n", dev.f1 * 100)
        var tests: [String: Double] = [:]
        for f in testFiles {
            let test = try ABSASentence.read(f)
            let t = TermExtractionScore.of(tagger: tagger, sentences: test), l = TermExtractionScore.of(lexicon: lexicon, sentences: test)
            tests[(f as NSString).lastPathComponent] = t.f1
            summary += String(format: "test %@: term F1 %.2f (P %.2f, R %.2f); lexicon F1 %.2f (P %.2f, R %.2f)\n", (f as NSString).lastPathComponent,
                              t.f1 * 100, t.precision * 100, t.recall * 100, l.f1 * 100, l.precision * 100, l.recall * 100)
        }
        if writeManifest {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            let manifest = AspectTaggerManifest(
                model: (out as NSString).lastPathComponent, bytes: bytes.count,
                checksum: String(format: "fnv1a64:%016llx", FNV1a.hash64(bytes: bytes)),
                format: "ModelArchive kind \(AspectTermTagger.kind), float16, tagger version \(AspectTermTagger.version)",
                tags: AspectTermTagger.tags, features: features, options: options,
                trainFiles: (trainFiles + extraFiles).map { ($0 as NSString).lastPathComponent },
                devTermF1: dev.f1, testTermF1: tests, trainingSeconds: seconds, rebuild: command)
            let path = (out.hasSuffix(".model") ? String(out.dropLast(6)) : out) + ".manifest.json"
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(try enc.encode(manifest), to: path)
            log("wrote \(path)")
        }
        return summary
    }

    /// Joins tagger files into one ensemble file (mean emission and CRF scores). With
    /// `devFiles`, also scores the ensemble on the dev sentences training with `seed` held out
    /// of those files (the members should share that carve: `--member-seed`). Returns a summary.
    public static func ensembleTaggers(_ paths: [String], out: String, devFiles: [String] = [], seed: UInt64 = 1) throws -> String {
        let tagger = try AspectTermTagger.ensemble(try paths.map { try AspectTermTagger.load($0) })
        try tagger.save(to: out)
        let bytes = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? 0
        var summary = "wrote \(out): \(tagger.members.count + 1) taggers, \(bytes) bytes\n"
        if !devFiles.isEmpty {
            var sentences: [ABSASentence] = []
            for f in devFiles { sentences += try ABSASentence.read(f) }
            var options = AspectPolarityOptions()
            options.seed = seed
            let dev = AspectPolarityTrainer.devSentences(sentences, options: options)
            let score = TermExtractionScore.of(tagger: try AspectTermTagger.load(out), sentences: dev)
            summary += String(format: "dev term F1 %.2f (P %.2f, R %.2f; %d dev sentences of seed %llu)\n",
                              score.f1 * 100, score.precision * 100, score.recall * 100, dev.count, seed)
        }
        return summary
    }

    /// Term extraction on gold files: `extraction_f1` (and P/R) of the tagger and of the lexicon, as JSON.
    public static func evaluateTagger(_ path: String, testFiles: [String], lexicon: AspectExtractor) throws -> String {
        let tagger = try AspectTermTagger.load(path)
        var sentences: [ABSASentence] = []
        for f in testFiles { sentences += try ABSASentence.read(f) }
        let t = TermExtractionScore.of(tagger: tagger, sentences: sentences), l = TermExtractionScore.of(lexicon: lexicon, sentences: sentences)
        return "{\"extraction_f1\":\(t.f1),\"extraction_precision\":\(t.precision),\"extraction_recall\":\(t.recall),\"gold_terms\":\(t.gold),\"lexicon_extraction_f1\":\(l.f1),\"lexicon_precision\":\(l.precision),\"lexicon_recall\":\(l.recall)}"
    }
}

/// The manifest written beside a shipped aspect model.
struct AspectPolarityManifest: Codable {
    var model: String
    var bytes: Int
    var checksum: String
    var format: String
    var labels: [String]
    var options: AspectPolarityOptions
    var dev: SentimentMetrics
    var test: [String: SentimentMetrics]
    var trainingSeconds: Double
    var rebuild: String
}

/// The manifest written beside a shipped aspect-term tagger.
struct AspectTaggerManifest: Codable {
    var model: String
    var bytes: Int
    var checksum: String
    var format: String
    var tags: [String]
    var features: AspectTaggerFeatures
    var options: AspectPolarityOptions
    var trainFiles: [String]
    var devTermF1: Double
    var testTermF1: [String: Double]
    var trainingSeconds: Double
    var rebuild: String
}
