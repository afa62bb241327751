import Foundation
import ShopNeural

/// A trained recommender as stored on disk: ALS factors, the id maps, and the training
/// interactions (so evaluation can rebuild the same matrix for the baselines).
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

    /// Trains ALS on `training` with or without its sentiment.
    public init(training: TrainingSet, config: ALSConfig, shaping: ConfidenceShaping, useSentiment: Bool,
                onIteration: ((Int, Double) -> Void)? = nil) {
        let useSentiment = useSentiment && training.hasSentiment
        settings = Settings(config, shaping: shaping, usedSentiment: useSentiment)
        self.training = training
        matrix = training.matrix(shaping: shaping, useSentiment: useSentiment)
        als = ALSTrainer.train(matrix, config: config, onIteration: onIteration)
        coldStart = ColdStart(items: matrix.itemIDs, interactions: training.interactions)
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
        let archive = ModelArchive(kind: Self.kind, config: try JSONEncoder().encode(settings),
                                   appMetadata: try JSONEncoder().encode(stored),
                                   tensors: [.init(name: "user_factors", rows: matrix.userCount, cols: k, values: als.userFactors),
                                             .init(name: "item_factors", rows: matrix.itemCount, cols: k, values: als.itemFactors)])
        try archive.write(to: path)
    }

    public static func load(from path: String) throws -> RecommenderModel {
        let archive = try ModelArchive.read(from: path)
        try archive.expectKind(kind)
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
    }

    /// Scores for a user over the known items followed by `coldTexts` (new items placed by text;
    /// a cold item whose text matches nothing scores −∞).
    public func scores(user u: Int, coldTexts: [String]) -> [Float] {
        var s = als.scores(user: u)
        for i in matrix.items(ofUser: u) { s[Int(i)] = -.infinity }
        let f = als.factors
        for text in coldTexts {
            if let v = coldStart.factors(for: text, model: als) {
                var dot: Float = 0
                for d in 0..<f { dot += v[d] * als.userFactors[u * f + d] }
                s.append(dot)
            } else {
                s.append(-.infinity)
            }
        }
        return s
    }
}
