import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp embed import`: word2vec text → our vectors file (no subwords: unseen words get none).
struct EmbedImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Read word2vec text vectors and save them as a ShopNLP vectors file.")

    @Option(name: .long, help: "word2vec text file to read.") var input: String
    @Option(name: .long, help: "Vectors file to write.") var out: String
    @Flag(name: .long, help: "Store values as float16.") var float16 = false

    func run() throws {
        let v = try Word2VecText.load(input)
        try v.save(to: out, float16: float16)
        FileHandle.standardError.write(Data("wrote \(out): \(v.words.count) words × \(v.dimension)\n".utf8))
    }
}
