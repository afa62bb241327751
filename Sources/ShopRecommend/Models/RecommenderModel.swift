import ShopCore
import Foundation
import ShopNeural

/// A trained recommender as stored on disk: ALS factors, the id maps, and the training
/// interactions (so evaluation can rebuild the same matrix for the baselines). It serves
/// the kind its `ModelSelection` chose (popularity, item-kNN or ALS); `serving(_:)` forces another.
public struct RecommenderModel: Sendable {
    public struct Settings: Codable, Sendable, Equatable {
        public var factors: Int
        public var iterations: Int
        public var regularization: Float
        public var solver: ALSConfig.Solver
        public var cgSteps: Int
        public var seed: UInt64
        public var shaping: ConfidenceShaping
        public var usedSentiment: Bool
        /// λ scaled by interaction counts (ALS-WR); nil in models written before it existed.
        public var scaleRegularization: Bool?
        /// What to serve and the validation scores behind it; nil in models written before
        /// model selection existed (they serve ALS, as they always did).
        public var selection: ModelSelection?

        public var alsConfig: ALSConfig {
            var c = ALSConfig()
            c.factors = factors; c.iterations = iterations; c.regularization = regularization
            c.solver = solver; c.cgSteps = cgSteps; c.seed = seed
            c.scaleRegularization = scaleRegularization ?? false
            return c
        }

        public init(_ c: ALSConfig, shaping: ConfidenceShaping, usedSentiment: Bool) {
            factors = c.factors; iterations = c.iterations; regularization = c.regularization
            solver = c.solver; cgSteps = c.cgSteps; seed = c.seed
            scaleRegularization = c.scaleRegularization ? true : nil
            self.shaping = shaping; self.usedSentiment = usedSentiment
        }
    }

    struct Stored: Codable {
        var users: [String]
        var items: [String]
        /// Training interactions as (user index, item index, rating or -1, P(positive) or -1).
        var train: [[Float]]
        /// Item text profiles (TF-IDF over review text) and the IDF table, for cold start.
        var profiles: [TextProfile]?
        var idf: [String: Float]?
    }

    public static let kind = "RecommenderALS"
    public var settings: Settings
    public var matrix: InteractionMatrix
    public var als: ALSModel
    public var training: TrainingSet
    /// Text profiles of the known items, so a new item can be placed by its text.
    public var coldStart: ColdStart
    /// The kind `scores(user:coldTexts:)` ranks by.
    public private(set) var servedKind: RecommenderKind
    /// The ranking itself (built from `matrix` for popularity and item-kNN).
    public private(set) var served: any Recommender

    /// Trains ALS on `training` with or without its sentiment; `selection` (from
    /// `RecommenderTraining`) says what to serve, ALS when nil.
    public init(training: TrainingSet, config: ALSConfig, shaping: ConfidenceShaping, useSentiment: Bool,
                selection: ModelSelection? = nil, onIteration: ((Int, Double) -> Void)? = nil) {
        let useSentiment = useSentiment && training.hasSentiment
        var settings = Settings(config, shaping: shaping, usedSentiment: useSentiment)
        settings.selection = selection
        let matrix = training.matrix(shaping: shaping, useSentiment: useSentiment)
        let als = ALSTrainer.train(matrix, config: config, onIteration: onIteration)
        self.init(settings: settings, matrix: matrix, als: als, training: training,
                  coldStart: ColdStart(items: matrix.itemIDs, interactions: training.interactions))
    }

    /// The same model serving `choice` (`.best`: the kind recorded at training time).
    public func serving(_ choice: RecommenderKindChoice) -> RecommenderModel {
        let kind: RecommenderKind
        switch choice {
        case .best: kind = settings.selection?.served ?? .als
        case .forced(let k): kind = k
        }
        guard kind != servedKind else { return self }
        var copy = self
        copy.servedKind = kind
        copy.served = Self.build(kind, matrix: matrix, als: als)
        return copy
    }

    /// The warning to show when the served kind scored below popularity on validation.
    public var servingWarning: String? { settings.selection?.warning(serving: servedKind) }

    static func build(_ kind: RecommenderKind, matrix: InteractionMatrix, als: ALSModel) -> any Recommender {
        switch kind {
        case .popularity: return PopularityModel(matrix)
        case .knn: return ItemKNNModel(matrix)
        case .als: return als
        }
    }

    public func save(to path: String) throws {
        var rows: [[Float]] = []
        for x in training.interactions {
            guard let u = matrix.userIndex[x.user], let i = matrix.itemIndex[x.item] else { continue }
            rows.append([Float(u), Float(i), x.rating ?? -1, training.positive[x.user + "\u{1F}" + x.item] ?? -1])
        }
        let stored = Stored(users: matrix.userIDs, items: matrix.itemIDs, train: rows,
                            profiles: coldStart.profiles, idf: coldStart.idf)
        let k = settings.factors
        let archive = ModelArchive(kind: Self.kind, config: try ModelArchive.json(settings),
                                   appMetadata: try ModelArchive.json(stored),
                                   tensors: [.init(name: "user_factors", rows: matrix.userCount, cols: k, values: als.userFactors),
                                             .init(name: "item_factors", rows: matrix.itemCount, cols: k, values: als.itemFactors)])
        try archive.write(to: path)
    }

    public static func load(from path: String) throws -> RecommenderModel {
        let archive = try ModelArchive.read(from: path, kind: kind)
        let settings = try archive.decodeConfig(Settings.self)
        let stored = try archive.decodeAppMetadata(Stored.self)
        var interactions: [Interaction] = [], features: [InteractionFeature] = []
        for row in stored.train {
            let user = stored.users[Int(row[0])], item = stored.items[Int(row[1])]
            interactions.append(Interaction(user: user, item: item, rating: row[2] < 0 ? nil : row[2]))
            if row[3] >= 0 { features.append(InteractionFeature(user: user, item: item, positive: row[3])) }
        }
        let training = TrainingSet(interactions: interactions, features: features)
        let matrix = training.matrix(shaping: settings.shaping, useSentiment: settings.usedSentiment, extraItems: stored.items)
        guard matrix.userIDs == stored.users, matrix.itemIDs == stored.items else {
            throw ModelArchiveError.malformed(file: path, reason: "stored interactions do not rebuild the stored id maps")
        }
        let als = ALSModel(factors: settings.factors,
                           userFactors: try archive.tensor(named: "user_factors").values,
                           itemFactors: try archive.tensor(named: "item_factors").values)
        let cold = ColdStart(profiles: stored.profiles ?? Array(repeating: TextProfile(weights: [:]), count: stored.items.count),
                             idf: stored.idf ?? [:])
        return RecommenderModel(settings: settings, matrix: matrix, als: als, training: training, coldStart: cold)
    }

    init(settings: Settings, matrix: InteractionMatrix, als: ALSModel, training: TrainingSet, coldStart: ColdStart) {
        self.settings = settings; self.matrix = matrix; self.als = als; self.training = training; self.coldStart = coldStart
        servedKind = settings.selection?.served ?? .als
        served = Self.build(servedKind, matrix: matrix, als: als)
    }

    /// Scores of the served kind for a user over the known items (the user's own items are
    /// −∞) followed by `coldTexts`: a new item scores the similarity-weighted mean of its text
    /// neighbours' scores (for ALS this is exactly the score of the mean neighbour factors);
    /// a cold item whose text matches nothing scores −∞.
    public func scores(user u: Int, coldTexts: [String]) -> [Float] {
        var s = served.scores(user: u)
        var cold: [Float] = []
        for text in coldTexts {
            let near = coldStart.neighbours(of: text)
            let total = near.reduce(Float(0)) { $0 + $1.similarity }
            cold.append(near.isEmpty || total <= 0 ? -.infinity
                        : near.reduce(Float(0)) { $0 + $1.similarity * s[$1.item] } / total)
        }
        for i in matrix.items(ofUser: u) { s[Int(i)] = -.infinity }
        return s + cold
    }
}
