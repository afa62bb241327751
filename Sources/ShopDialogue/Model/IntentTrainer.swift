import Foundation
import ShopNeural
import ShopCore

/// Trains an `IntentModel`: fits the wide path (and the deep path when one is configured),
/// then calibrates on held-out data — the softmax temperature, the deep/wide mix and the
/// out-of-scope threshold. Without a dev set, a seeded stratified slice of train is held
/// out for calibration; the wide path is then refitted on all of train (seconds) while the
/// deep path, whose best epoch the held-out slice chose, is kept — refitting it would
/// double the training time for a tenth more data.
public struct IntentTrainer {
    public var c: Float = 0.5
    public var epochs = 20
    public var seed: UInt64 = 42
    /// Share of train held out for calibration when no dev set is given.
    public var holdout = 0.1
    public var minCount = 1
    public var extractor = NGramExtractor()
    /// Trains the deep path on (fit set, labels); nil = wide path only.
    public var deepTrainer: DeepPathTraining?
    /// Weight of out-of-scope recall against in-scope accuracy when choosing the threshold.
    public var oosWeight = 1.0
    /// Train `oos` examples as a class of their own (else they only calibrate the threshold).
    public var oosAsClass = true
    public var log: (String) -> Void = { _ in }

    public init() {}

    public func train(_ train: [LabeledUtterance], dev: [LabeledUtterance]? = nil) throws -> IntentModel {
        let labels = Array(Set(train.map(\.intent)).subtracting(oosAsClass ? [] : [outOfScopeLabel])).sorted()
        guard labels.count >= 2 else {
            throw IntentModelError.invalidTrainingData("need at least two intents, found \(labels.count)")
        }
        let fitSet: [LabeledUtterance]
        let calSet: [LabeledUtterance]
        if let dev, !dev.isEmpty {
            fitSet = train; calSet = dev
        } else if holdout > 0 {
            (fitSet, calSet) = stratifiedSplit(train, share: holdout)
        } else {
            fitSet = train; calSet = []
        }
        let start = Date()
        let inLabels = Set(labels)
        var model = try fit(fitSet.filter { inLabels.contains($0.intent) }, labels: labels, dev: calSet)
        log(String(format: "fitted on %d examples, %d features, %.1fs", fitSet.count, model.wide.vectorizer.dimension, Date().timeIntervalSince(start)))
        if !calSet.isEmpty { calibrate(&model, on: calSet) }
        if calSet.count > 0, dev == nil || dev!.isEmpty {
            var final = try fit(train.filter { inLabels.contains($0.intent) }, labels: labels, deep: false)
            final.deep = model.deep
            final.temperature = model.temperature
            final.threshold = model.threshold
            final.deepWeight = model.deepWeight
            final.info = model.info
            model = final
            model.info["refit"] = model.deep == nil ? "wide path refitted on all of train"
                : "wide path refitted on all of train; deep path kept from the fit on the other \(Int((1 - holdout) * 100))%"
            log(String(format: "wide path refitted on all %d examples, %.1fs total", train.count, Date().timeIntervalSince(start)))
        }
        model.info["train_examples"] = String(train.count)
        model.info["calibration"] = dev?.isEmpty == false ? "dev (\(dev!.count))" : "held-out \(Int(holdout * 100))% of train (\(calSet.count))"
        model.info["c"] = String(c)
        model.info["epochs"] = String(epochs)
        model.info["seed"] = String(seed)
        model.info["features"] = String(model.wide.vectorizer.dimension)
        model.info["temperature"] = String(model.temperature)
        model.info["threshold"] = String(model.threshold)
        model.info["deep_weight"] = String(model.deepWeight)
        model.info["train_seconds"] = String(format: "%.1f", Date().timeIntervalSince(start))
        return model
    }

    func fit(_ data: [LabeledUtterance], labels: [String], dev: [LabeledUtterance] = [], deep: Bool = true) throws -> IntentModel {
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var vec = TfidfVectorizer(extractor: extractor)
        vec.fit(data.map(\.text), minCount: minCount)
        let x = data.map { vec.transform($0.text) }
        let y = data.map { index[$0.intent]! }
        var svm = LinearSVMTrainer(c: c, epochs: epochs, seed: seed)
        svm.balance = false
        let w = svm.train(x, labels: y, classes: labels.count, dimension: vec.dimension)
        var model = IntentModel(labels: labels, wide: WideModel(vectorizer: vec, weights: w, classes: labels.count))
        if deep, let deepTrainer {
            let devPairs = dev.compactMap { u in index[u.intent].map { (u.text, $0) } }
            model.deep = try deepTrainer.train(data.map(\.text), labels: y, labelNames: labels, dev: devPairs, log: log)
            model.deepWeight = 0.5
        }
        return model
    }

    /// Chooses temperature, deep mix and threshold on calibration data.
    func calibrate(_ model: inout IntentModel, on cal: [LabeledUtterance]) {
        let index = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        let wideScores = cal.map { model.wide.scores($0.text) }
        let gold = cal.map { index[$0.intent] } // nil = unseen label, treated as out of scope
        // temperature: minimise negative log-likelihood of the known labels
        let bestT = TemperatureScaling.fit(margins: wideScores, gold: gold,
                                           candidates: [1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 25, 32, 40])
        model.temperature = bestT
        let wideP = wideScores.map { TemperatureScaling.softmax($0, scale: bestT) }
        var probs = wideP
        if let deep = model.deep {
            let deepP = cal.map { deep.probabilities($0.text) }
            // Ties go to the lighter deep weight (listed first).
            let bestW = WideDeepMix.chooseWeight([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], tieBreak: .first) { w in
                var right = 0
                for i in cal.indices {
                    let p = WideDeepMix.mix(wideP[i], deepP[i], weight: w)
                    if let g = gold[i], p.indices.max(by: { p[$0] < p[$1] }) == g { right += 1 }
                }
                let acc = Double(right) / Double(cal.count)
                log(String(format: "  deep weight %.1f: calibration accuracy %.4f", w, acc))
                return acc
            }.weight
            model.deepWeight = bestW
            probs = cal.indices.map { i in WideDeepMix.mix(wideP[i], deepP[i], weight: bestW) }
        }
        let isOOS = cal.indices.map { gold[$0] == nil || cal[$0].intent == outOfScopeLabel }
        guard isOOS.contains(true) else {
            model.threshold = 0
            log(String(format: "temperature %.0f; no out-of-scope examples for calibration: no threshold", bestT))
            return
        }
        // The threshold maximises in-scope accuracy + oosWeight × out-of-scope recall on the
        // calibration data (oosWeight 1: their mean), so neither can be bought by
        // collapsing the other.
        var bestTh: Float = 0, bestObj = -1.0, best = (inScope: 0.0, oosRecall: 0.0)
        for step in 0..<100 {
            let th = Float(step) / 100
            var inRight = 0, inN = 0, oosRight = 0, oosN = 0
            for i in cal.indices {
                let d = model.decide(probs[i], threshold: th)
                if isOOS[i] { oosN += 1; if d.rejected { oosRight += 1 } } else {
                    inN += 1; if !d.rejected, d.intent == cal[i].intent { inRight += 1 }
                }
            }
            let inScope = Double(inRight) / Double(max(1, inN)), oosRecall = Double(oosRight) / Double(max(1, oosN))
            let obj = inScope + oosWeight * oosRecall
            if obj > bestObj + 1e-9 { bestObj = obj; bestTh = th; best = (inScope, oosRecall) }
        }
        model.threshold = bestTh
        model.info["threshold_objective"] = "in-scope accuracy + \(oosWeight) × out-of-scope recall on calibration data"
        model.info["calibration_in_scope_accuracy"] = String(format: "%.4f", best.inScope)
        model.info["calibration_oos_recall"] = String(format: "%.4f", best.oosRecall)
        log(String(format: "temperature %.0f, deep weight %.1f, threshold %.2f: calibration in-scope accuracy %.2f%%, out-of-scope recall %.2f%% (maximising in-scope accuracy + %.2g × oos recall)",
                   bestT, model.deepWeight, bestTh, best.inScope * 100, best.oosRecall * 100, oosWeight))
    }

    func stratifiedSplit(_ data: [LabeledUtterance], share: Double) -> ([LabeledUtterance], [LabeledUtterance]) {
        var byLabel: [String: [LabeledUtterance]] = [:]
        for d in data { byLabel[d.intent, default: []].append(d) }
        var rng = SplitMix64(seed: seed ^ 0xA5A5)
        var fit: [LabeledUtterance] = [], cal: [LabeledUtterance] = []
        for label in byLabel.keys.sorted() {
            var items = byLabel[label]!
            items.shuffle(using: &rng)
            let k = items.count >= 5 ? max(1, Int((Double(items.count) * share).rounded())) : 0
            cal += items[..<k]
            fit += items[k...]
        }
        return (fit, cal)
    }
}

/// Trains the deep path of the intent model.
public protocol DeepPathTraining {
    /// `dev` (text, label index) picks the best epoch; it may be empty.
    func train(_ texts: [String], labels: [Int], labelNames: [String], dev: [(String, Int)], log: @escaping (String) -> Void) throws -> DeepIntentPath
}

/// Problems building or reading an intent model.
public enum IntentModelError: Error, CustomStringConvertible {
    case invalidTrainingData(String)
    case badModelFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidTrainingData(let r): return "invalid training data: \(r)"
        case .badModelFile(let p, let r): return "\(p): \(r)"
        }
    }
}
