import Foundation

/// Fluency from our LSTM language models, one per language, with a memo of scored texts
/// (sentences recur across candidates and products). A language without a model scores
/// 0 (neutral), so ranking falls back to coverage and repetition.
public final class LMFluencyScorer: FluencyScorer, @unchecked Sendable {
    public let models: [CopyLanguage: CopyLanguageModel]
    private var memo: [String: (Double, Int)] = [:]
    private let lock = NSLock()
    /// The memo is cleared when it grows past this many texts.
    public var memoLimit = 200_000
    public private(set) var lookups = 0
    public private(set) var hits = 0

    public init(models: [CopyLanguageModel]) {
        var d: [CopyLanguage: CopyLanguageModel] = [:]
        for m in models { d[m.language] = m }
        self.models = d
    }

    public func logProbabilities(_ texts: [String], language: CopyLanguage) -> [(logProb: Double, tokens: Int)] {
        guard let lm = models[language] else { return texts.map { _ in (0, 0) } }
        var out = [(logProb: Double, tokens: Int)](repeating: (0, 0), count: texts.count)
        var missing: [Int] = []
        lock.lock()
        lookups += texts.count
        for (i, t) in texts.enumerated() {
            if let m = memo[language.rawValue + "\u{1}" + t] { out[i] = m; hits += 1 } else { missing.append(i) }
        }
        lock.unlock()
        if missing.isEmpty { return out }
        // Score each distinct missing text once, in one batch.
        var unique: [String] = [], slot: [String: Int] = [:]
        for i in missing where slot[texts[i]] == nil { slot[texts[i]] = unique.count; unique.append(texts[i]) }
        let scored = lm.logProbabilities(unique)
        lock.lock()
        if memo.count + unique.count > memoLimit { memo.removeAll(keepingCapacity: true) }
        for (t, s) in zip(unique, scored) { memo[language.rawValue + "\u{1}" + t] = s }
        lock.unlock()
        for i in missing { out[i] = scored[slot[texts[i]]!] }
        return out
    }

    /// Share of texts answered from the memo so far.
    public var hitRate: Double { lookups == 0 ? 0 : Double(hits) / Double(lookups) }
}
