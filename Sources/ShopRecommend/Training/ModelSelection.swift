import Foundation

/// Which kind a trained recommender serves and why: each kind's score on the validation
/// split, recorded at training time in the model file (and its manifest), so a shared
/// recommender never serves worse than popularity without saying so.
public struct ModelSelection: Sendable, Codable, Equatable {
    /// The kind served by default (`--model-kind best`).
    public var served: RecommenderKind
    /// True when `--model-kind` forced `served` instead of validation choosing it.
    public var forced: Bool
    /// Validation score per kind (keys: `RecommenderKind` raw values).
    public var validation: [String: ValidationScore]
    /// ALS fits the tuning made (0: settings were given, not tuned).
    public var tuningFits: Int

    public init(served: RecommenderKind, forced: Bool, validation: [String: ValidationScore], tuningFits: Int) {
        self.served = served
        self.forced = forced
        self.validation = validation
        self.tuningFits = tuningFits
    }

    /// Picks the best kind by `ValidationScore.beats` (an exact tie goes to the simpler kind),
    /// or the forced one.
    public static func choose(_ scores: [RecommenderKind: ValidationScore], choice: RecommenderKindChoice,
                              tuningFits: Int) -> ModelSelection {
        let served: RecommenderKind
        switch choice {
        case .forced(let kind): served = kind
        case .best: served = best(scores) ?? .als
        }
        return ModelSelection(served: served, forced: choice != .best,
                              validation: Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }),
                              tuningFits: tuningFits)
    }

    /// The best-scoring kind; nil when there are no scores.
    public static func best(_ scores: [RecommenderKind: ValidationScore]) -> RecommenderKind? {
        scores.sorted { $0.key.simplicity < $1.key.simplicity }
            .reduce(nil as (RecommenderKind, ValidationScore)?) { best, next in
                guard let b = best else { return next }
                return next.value.beats(b.1) ? next : b
            }?.0
    }

    public func score(of kind: RecommenderKind) -> ValidationScore? { validation[kind.rawValue] }

    /// A sentence when `kind` scored below popularity on validation, else nil.
    public func warning(serving kind: RecommenderKind) -> String? {
        guard kind != .popularity, let own = score(of: kind), let pop = score(of: .popularity), pop.beats(own) else { return nil }
        return "warning: serving \(kind.rawValue), which scored below popularity on validation "
            + String(format: "(Recall@10 %.4f vs %.4f, NDCG@10 %.4f vs %.4f)", own.recall, pop.recall, own.ndcg, pop.ndcg)
    }

    /// One line per kind, best first, for logs and `recommend eval`.
    public func summary(serving kind: RecommenderKind) -> [String] {
        var lines: [String] = []
        for k in RecommenderKind.allCases {
            guard let s = score(of: k) else { continue }
            let name = k.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("validation \(name) " + String(format: "Recall@10 %.4f  NDCG@10 %.4f  (%d users)", s.recall, s.ndcg, s.users)
                         + (k == kind ? (forced && k == served ? "  <- served (forced)" : "  <- served") : ""))
        }
        if let w = warning(serving: kind) { lines.append(w) }
        return lines
    }
}
