/// Interactions joined with their sentiment features, turned into ALS confidences.
public struct TrainingSet: Sendable {
    public var interactions: [Interaction]
    /// P(positive) per interaction key (user␟item), when features were given.
    public var positive: [String: Float]

    public init(interactions: [Interaction], features: [InteractionFeature] = []) {
        self.interactions = interactions
        var p: [String: Float] = [:]
        for f in features { if let v = f.positive { p[f.key] = v } }
        positive = p
    }

    /// A subset of another set's interactions, keeping its sentiment.
    public init(interactions: [Interaction], positive: [String: Float]) {
        self.interactions = interactions
        self.positive = positive
    }

    public var hasSentiment: Bool { !positive.isEmpty }

    /// The matrix with c_ui from `shaping`; sentiment is used only when `useSentiment`.
    public func matrix(shaping: ConfidenceShaping, useSentiment: Bool, extraItems: [String] = []) -> InteractionMatrix {
        let triples = interactions.map { x -> (user: String, item: String, confidence: Float) in
            let p = useSentiment ? positive[x.user + "\u{1F}" + x.item] : nil
            return (x.user, x.item, shaping.confidence(rating: x.rating, positive: p))
        }
        return InteractionMatrix(triples: triples, extraItems: extraItems)
    }
}
