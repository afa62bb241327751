import ShopNeural

/// The faithfulness check of explanations: deleting a review's top-k explanation words
/// should lower the probability of its predicted label far more than deleting k random
/// words. `ratio` = mean fall (top-k) / mean fall (random k), over reviews with ≥ k words.
public struct DeletionTest: Sendable {
    public var reviews = 0
    public var meanTopDrop = 0.0
    public var meanRandomDrop = 0.0
    public var ratio: Double { meanRandomDrop == 0 ? .infinity : meanTopDrop / meanRandomDrop }

    public static func run(texts: [String], model: SentimentModel, k: Int = 3, seed: UInt64 = 1) -> DeletionTest {
        var rng = SeededRandom(seed: seed)
        var top = 0.0, random = 0.0, n = 0
        for text in texts {
            let words = WordExplainer.Words(text)
            let positions = words.wordPositions
            guard positions.count >= k else { continue }
            let full = words.text()
            let label = model.predict(full).labelIndex
            let best = Set(WordExplainer.ranked(words, model: model, label: label).prefix(k).map(\.position))
            var pool = positions, picked = Set<Int>()
            while picked.count < k { picked.insert(pool.remove(at: rng.int(below: pool.count))) }
            let p = model.predict(batch: [full, words.text(removing: best), words.text(removing: picked)].map(TextUnits.init))
                .map { $0.probabilities[label] }
            top += Double(p[0] - p[1]); random += Double(p[0] - p[2]); n += 1
        }
        return DeletionTest(reviews: n, meanTopDrop: n > 0 ? top / Double(n) : 0, meanRandomDrop: n > 0 ? random / Double(n) : 0)
    }

    /// `count` texts drawn without replacement by `seed` (all of them when there are fewer).
    public static func sample(_ texts: [String], count: Int, seed: UInt64) -> [String] {
        var rng = SeededRandom(seed: seed)
        var pool = texts
        for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, rng.int(below: i + 1)) }
        return Array(pool.prefix(count))
    }
}
