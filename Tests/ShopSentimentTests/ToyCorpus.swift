import ShopNeural

@testable import ShopSentiment
import ShopCore

/// A tiny corpus whose polarity is carried by obvious words, for training in tests.
enum ToyCorpus {
    static let aspectsZh = ["屏幕", "电池", "物流", "包装", "客服", "质量", "价格", "面料"]
    static let goodZh = ["很好", "不错", "非常满意", "很棒", "好评", "喜欢"]
    static let badZh = ["太差了", "不行", "很失望", "差评", "垃圾", "坏了"]
    static let aspectsEn = ["battery", "screen", "delivery", "price", "quality", "service"]
    static let goodEn = ["is great", "is excellent", "works perfectly", "is amazing", "love it"]
    static let badEn = ["is terrible", "is awful", "broke quickly", "is useless", "hate it"]

    static func examples(seed: UInt64 = 7, count: Int = 400) -> [LabeledExample] {
        var rng = SplitMix64(seed: seed)
        var out: [LabeledExample] = []
        for i in 0..<count {
            let positive = i % 2 == 0
            if i % 4 < 2 {
                let a = aspectsZh.randomElement(using: &rng)!
                let w = (positive ? goodZh : badZh).randomElement(using: &rng)!
                out.append(LabeledExample(label: positive ? "positive" : "negative", text: "这个\(a)\(w)。"))
            } else {
                let a = aspectsEn.randomElement(using: &rng)!
                let w = (positive ? goodEn : badEn).randomElement(using: &rng)!
                out.append(LabeledExample(label: positive ? "positive" : "negative", text: "The \(a) \(w)."))
            }
        }
        return out
    }

    /// A model trained on the toy corpus (fast: a few hundred short examples).
    static func model() throws -> SentimentModel {
        let config = SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: 1,
                                             hyper: LinearHyperParameters(epochs: 5, learningRate: 0.3, l2: 1e-5),
                                             seeds: [1, 2])
        return try SentimentTraining.train(train: examples(), dev: examples(seed: 99, count: 60), config: config, info: ModelInfo())
    }
}
