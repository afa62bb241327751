import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp embed analogy`: A is to B as C is to ? (nearest words to B − A + C).
struct EmbedAnalogyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analogy", abstract: "A is to B as C is to ?: the words nearest to B − A + C.")

    @Option(name: .long, help: "Vectors file.") var vectors: String
    @Option(name: .short, help: "How many answers.", range: .count) var k = 5
    @Argument(help: "A B C") var words: [String]

    func validate() throws {
        if words.count != 3 { throw ValidationError("give exactly three words: A B C") }
    }

    func run() throws {
        let v = try EmbedVectorsLoader.load(vectors)
        let answers = v.analogy(words[0], words[1], words[2], k: k)
        if answers.isEmpty { throw ValidationError("no vector for one of \(words.joined(separator: ", "))") }
        print("\(words[0]) : \(words[1]) = \(words[2]) : " + answers.map(EmbedVectorsLoader.format).joined(separator: ", "))
    }
}
