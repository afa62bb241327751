/// Which ranking a trained recommender serves. Every model file holds what all three need
/// (the training interactions and the ALS factors), so any kind can be served from it.
public enum RecommenderKind: String, Sendable, Codable, CaseIterable {
    case popularity
    case knn
    case als

    /// Simpler kinds first: on an exact validation tie the simpler one is served.
    var simplicity: Int {
        switch self {
        case .popularity: return 0
        case .knn: return 1
        case .als: return 2
        }
    }
}

/// What to serve: one kind, or the best on validation as recorded at training time.
public enum RecommenderKindChoice: Sendable, Equatable {
    case best
    case forced(RecommenderKind)

    /// Parses `best`, `als`, `knn` (also `item-knn`) or `popularity`; nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "best": self = .best
        case "item-knn": self = .forced(.knn)
        default:
            guard let kind = RecommenderKind(rawValue: text.lowercased()) else { return nil }
            self = .forced(kind)
        }
    }

    /// Spelling for help texts and errors.
    public static let spellings = "als, knn, popularity or best"
}
