import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp embed neighbors`: the nearest words to each query word by cosine similarity.
struct EmbedNeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "neighbors", abstract: "Show the nearest words to each WORD (unseen words go through their subwords).")

    @Option(name: .long, help: "Vectors file (ShopNLP model file, or word2vec text ending in .txt/.vec).") var vectors: String
    @Option(name: .short, help: "How many neighbours.", range: .count) var k = 10
    @Argument(help: "Query words (tokens as the tokeniser emits them, normalised).") var words: [String]

    func run() throws {
        let v = try EmbedVectorsLoader.load(vectors)
        for word in words {
            let how = v.contains(word) ? "" : (v.vector(for: word) == nil ? " (unknown, no subwords)" : " (unseen: subwords)")
            let list = v.nearest(to: word, k: k).map(EmbedVectorsLoader.format).joined(separator: ", ")
            print("\(word)\(how): \(list)")
        }
    }
}
