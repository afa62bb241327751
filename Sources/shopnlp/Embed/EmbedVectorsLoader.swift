import ShopEmbeddings

/// Loads vectors for the inspection commands: our model files, or word2vec text when the
/// path ends in `.txt` or `.vec`.
enum EmbedVectorsLoader {
    static func load(_ path: String) throws -> WordVectors {
        try WordVectors.load(anyFormat: path)
    }

    static func format(_ n: Neighbor) -> String {
        "\(n.word) \(String(format: "%.3f", n.similarity))"
    }
}

import Foundation
