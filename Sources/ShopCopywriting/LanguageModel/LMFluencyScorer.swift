import Foundation
import ShopCore

/// Fluency from our LSTM language models, one per language. Two levels of reuse, since the
/// same sentences and sentence openings recur across candidates and products: a memo of
/// scored texts, and under it a `PrefixStateCache` per language that computes each distinct
/// token prefix once. A language without a model scores 0 (neutral), so ranking falls back
/// to coverage and repetition.
///
/// Safe to call from several threads: the memo is shared under a lock; prefix caches are
/// taken from a pool for the length of a call, so concurrent calls never share one. A
/// text's score does not depend on which cache or batch computed it.
public final class LMFluencyScorer: FluencyScorer, @unchecked Sendable {
    public let models: [Language: CopyLanguageModel]
    private var memo: [Language: [UTF8Key: (Double, Int)]] = [:]
    private var memoCount = 0
    private var idleCaches: [Language: [PrefixStateCache]] = [:]
    private let lock = NSLock()
    /// The memo is cleared when it grows past this many texts.
    public var memoLimit = 200_000
    /// Prefixes each prefix cache holds before it starts again (`PrefixStateCache.maxNodes`;
    /// 516 bytes each at hidden 64). On the 1,070 AdvertiseGen records 2^15 → 2^17 computed
    /// 13% fewer prefixes (Benchmarks/results/speed.md); 2^16 is the middle (34 MB a cache).
    public var prefixCacheNodes = 1 << 16
    public private(set) var lookups = 0
    public private(set) var hits = 0
    /// Token prefixes whose LSTM state and normaliser were computed (the LM's real work).
    public private(set) var computedPrefixes = 0
    /// Tokens the computed texts predicted (what scoring them without prefix sharing would cost).
    public private(set) var scoredTokens = 0

    public init(models: [CopyLanguageModel]) {
        var d: [Language: CopyLanguageModel] = [:]
        for m in models { d[m.language] = m }
        self.models = d
    }

    public func logProbabilities(_ texts: [String], language: Language) -> [(logProb: Double, tokens: Int)] {
        guard let lm = models[language] else { return texts.map { _ in (0, 0) } }
        var out = [(logProb: Double, tokens: Int)](repeating: (0, 0), count: texts.count)
        let keys = texts.map(UTF8Key.init)
        var missing: [Int] = []
        lock.lock()
        lookups += texts.count
        for (i, k) in keys.enumerated() {
            if let m = memo[language]?[k] { out[i] = m; hits += 1 } else { missing.append(i) }
        }
        let cache = idleCaches[language]?.popLast()
        lock.unlock()
        if missing.isEmpty {
            if let cache { giveBack(cache, language) }
            return out
        }
        // Score each distinct missing text once, in one batch.
        var unique: [UTF8Key] = [], slot: [UTF8Key: Int] = [:]
        for i in missing where slot[keys[i]] == nil { slot[keys[i]] = unique.count; unique.append(keys[i]) }
        let prefixes = cache ?? { let c = PrefixStateCache(model: lm.model); c.maxNodes = prefixCacheNodes; return c }()
        let before = prefixes.computedNodes
        let sequences = unique.map { lm.encode($0.text) }
        let scored = prefixes.logProbabilities(sequences).map { (logProb: Double($0.logProb), tokens: $0.tokens) }
        let computed = prefixes.computedNodes - before
        lock.lock()
        computedPrefixes += computed
        scoredTokens += scored.reduce(0) { $0 + $1.tokens }
        if memoCount + unique.count > memoLimit { memo.removeAll(keepingCapacity: true); memoCount = 0 }
        for (k, s) in zip(unique, scored) { memo[language, default: [:]][k] = s }
        memoCount += unique.count
        idleCaches[language, default: []].append(prefixes)
        lock.unlock()
        for i in missing { out[i] = scored[slot[keys[i]]!] }
        return out
    }

    private func giveBack(_ cache: PrefixStateCache, _ language: Language) {
        lock.lock()
        idleCaches[language, default: []].append(cache)
        lock.unlock()
    }

    /// Share of texts answered from the memo so far.
    public var hitRate: Double { lookups == 0 ? 0 : Double(hits) / Double(lookups) }
}
