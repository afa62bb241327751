import ShopNeural

@testable import ShopEmbeddings
import ShopCore

/// A tiny seeded corpus with two topics: sentences draw their words from one topic only,
/// so after training words of a topic must sit closer to each other than to the other's.
enum SyntheticCorpus {
    static let pets = ["cat", "dog", "puppy", "kitten", "leash", "collar", "fur", "paw"]
    static let cars = ["car", "engine", "wheel", "brake", "tyre", "fuel", "gear", "road"]
    static let filler = ["the", "a", "is", "very", "and"]

    static func sentences(count: Int = 1500, seed: UInt64 = 7) -> [[String]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let topic = rng.below(2) == 0 ? pets : cars
            return (0..<8).map { _ in rng.below(4) == 0 ? filler[rng.below(filler.count)] : topic[rng.below(topic.count)] }
        }
    }

    static func build(_ sentences: [[String]], minCount: Int = 1) -> (Vocabulary, TokenCorpus) {
        var b = CorpusBuilder()
        for s in sentences { b.add(s) }
        return b.finish(minCount: minCount)
    }

    static func config(subwords: SubwordScheme = .none) -> SkipGramConfig {
        var c = SkipGramConfig()
        c.dimension = 24
        c.window = 3
        c.negative = 4
        c.epochs = 4
        c.threads = 1
        c.seed = 42
        c.sample = 0
        c.subwords = subwords
        return c
    }
}
