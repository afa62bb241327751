import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp embed similarity`: cosine similarity of word pairs.
struct EmbedSimilarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "similarity", abstract: "Cosine similarity of word pairs: WORD1 WORD2 [WORD3 WORD4 …].")

    @Option(name: .long, help: "Vectors file.") var vectors: String
    @Argument(help: "Words, taken in pairs.") var words: [String]

    func validate() throws {
        if words.isEmpty || words.count % 2 != 0 { throw ValidationError("give words in pairs") }
    }

    func run() throws {
        let v = try EmbedVectorsLoader.load(vectors)
        for i in stride(from: 0, to: words.count, by: 2) {
            let s = v.similarity(words[i], words[i + 1]).map { String(format: "%.3f", $0) } ?? "n/a (no vector)"
            print("\(words[i]) \(words[i + 1]) \(s)")
        }
    }
}
