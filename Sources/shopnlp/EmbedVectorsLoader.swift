import ShopEmbeddings

/// Loads vectors for the inspection commands: our model files, or word2vec text when the
/// path ends in `.txt` or `.vec`.
enum EmbedVectorsLoader {
    static func load(_ path: String) throws -> WordVectors {
        if path.hasSuffix(".txt") || path.hasSuffix(".vec") { return try Word2VecText.load(path) }
        return try WordVectors.load(path)
    }

    static func format(_ n: Neighbor) -> String {
        "\(n.word) \(String(format: "%.3f", n.similarity))"
    }
}

import Foundation
