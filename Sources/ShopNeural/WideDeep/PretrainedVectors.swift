/// Word vectors that start a deep path's embedding rows, handed in by the caller: the
/// libraries that train deep paths do not read vector files (the CLI loads them with
/// ShopEmbeddings and passes a lookup), so one type serves sentiment and intents alike.
public struct PretrainedVectors: Sendable {
    /// Length of every vector `lookup` returns; must equal the embedding's dimension.
    public let dimension: Int
    /// Where the vectors came from (recorded in model manifests).
    public let sources: [String]
    /// Keep the embedding layer fixed during training (rows without a vector stay at their
    /// random start too).
    public var freeze: Bool
    /// Rescale the copied rows so their mean norm equals the mean norm of the layer's own
    /// random rows: the vectors' scale then matches what the BiLSTM was initialised for,
    /// and only the directions differ from a random start.
    public var matchInitNorm: Bool
    /// The vector of a word, or nil when the source has none (that row stays random).
    public let lookup: @Sendable (String) -> [Float]?

    public init(dimension: Int, sources: [String] = [], freeze: Bool = false, matchInitNorm: Bool = true,
                lookup: @escaping @Sendable (String) -> [Float]?) {
        self.dimension = dimension
        self.sources = sources
        self.freeze = freeze
        self.matchInitNorm = matchInitNorm
        self.lookup = lookup
    }

    /// Copies the vectors of `vocabulary` (ids `firstID…` in order) into `embedding`; words
    /// without a vector (or with an all-zero one) keep their random rows. Returns how many
    /// rows were copied. Size problems throw before any row is touched.
    public func initialise(_ embedding: Embedding, vocabulary: [String], firstID: Int) throws -> Int {
        let dim = embedding.dim
        guard dimension == dim else {
            throw PretrainedVectorsError.dimensionMismatch(embedDim: dim, vectorsDimension: dimension)
        }
        var found: [String: [Float]] = [:]
        for word in vocabulary {
            guard let v = lookup(word) else { continue }
            guard v.count == dim else {
                throw PretrainedVectorsError.badVector(word: word, length: v.count, expected: dim)
            }
            guard Self.norm(v) > 0 else { continue } // a zero row carries nothing; keep random
            found[word] = v
        }
        if matchInitNorm {
            return embedding.initialise(vocabulary: vocabulary, firstID: firstID) { found[$0] }
        }
        for (i, word) in vocabulary.enumerated() {
            if let v = found[word] { embedding.setVector(v, for: firstID + i) }
        }
        return found.count
    }

    /// Euclidean norm.
    public static func norm(_ v: [Float]) -> Float {
        var s: Float = 0
        for x in v { s += x * x }
        return s.squareRoot()
    }
}

/// Pretrained vectors that do not fit the embedding they should start.
public enum PretrainedVectorsError: Error, CustomStringConvertible, Equatable {
    /// The embedding size differs from the vectors' size.
    case dimensionMismatch(embedDim: Int, vectorsDimension: Int)
    /// The lookup returned a vector of the wrong length for a word.
    case badVector(word: String, length: Int, expected: Int)

    public var description: String {
        switch self {
        case .dimensionMismatch(let e, let v):
            return "the deep path's embedding has \(e) dimensions but the pretrained vectors have \(v) "
                + "(pass the vectors' dimension as the embedding size, or leave it out to take theirs)"
        case .badVector(let w, let n, let expected):
            return "pretrained vector for \"\(w)\" has \(n) values, expected \(expected)"
        }
    }
}
