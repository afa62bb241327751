import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp embed export`: our vectors file → word2vec text.
struct EmbedExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write vectors in word2vec text format (word rows only; subword rows have no place there).")

    @Option(name: .long, help: "Vectors file to read.") var vectors: String
    @Option(name: .long, help: "word2vec text file to write.") var out: String
    @Option(name: .long, help: "Only the N most frequent words.", range: .tableSize) var maxWords: Int?

    func run() throws {
        var v = try WordVectors.load(vectors)
        if let maxWords { v = v.pruned(maxWords: maxWords, maxSubwords: nil) }
        try Word2VecText.save(v, to: out)
        FileHandle.standardError.write(Data("wrote \(out): \(v.words.count) words × \(v.dimension)\n".utf8))
    }
}
