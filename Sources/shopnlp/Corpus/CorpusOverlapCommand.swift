import ArgumentParser
import Foundation
import ShopData
import ShopCore

/// `shopnlp corpus overlap A B…`: the leakage audit. For each pair of files, how many
/// texts of one have a normalised twin (`TextKey`) in the other.
struct CorpusOverlapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Count texts with a normalised twin (NFKC, case, width, spacing, punctuation) across files.",
        discussion: """
        Without --against: every ordered pair of FILEs (texts of B with a twin in A).
        With --against R…: each FILE against the union of the R files (e.g. a model's
        training text written by `sentiment train --write-text`).
        --held-out adds every dev/test split of the shared corpora to FILEs.
        Prints TSV: file, reference, twins, texts, share. TSV files are read as
        label<TAB>text, .xml as SemEval-2014, anything else as one text per line.

        Examples:
          shopnlp corpus overlap chnsenticorp_htl_all/test.tsv online_shopping_10_cats/train.tsv
          shopnlp corpus overlap --against /tmp/vectors-text.txt --held-out
        """
    )

    @Argument(help: "Files to audit.") var files: [String] = []
    @Option(name: .long, parsing: .upToNextOption, help: "Reference files: each FILE is looked up in their union.") var against: [String] = []
    @Flag(name: .long, help: "Add every dev/test split of the shared corpora to the files audited.") var heldOut = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if files.isEmpty && !heldOut { throw ValidationError("give FILE… or --held-out") }
        if against.isEmpty && files.count + (heldOut ? 2 : 0) < 2 {
            throw ValidationError("give at least two files, or --against REFERENCE…")
        }
    }

    func run() throws {
        var audited = files.map { resolve($0) }
        if heldOut {
            let root = ResourcePaths.corpora(corpora)
            audited += EvaluationSplits.relativeFiles(root: root).map { (root as NSString).appendingPathComponent($0) }
        }
        let rows: [CorpusOverlap]
        if against.isEmpty {
            rows = try CorpusOverlap.pairwise(audited)
        } else {
            let refs = against.map { resolve($0) }
            let keys = try CorpusTexts.keys(refs)
            let name = refs.count == 1 ? refs[0] : "union of \(refs.count) files"
            rows = try audited.map { try CorpusOverlap.measure(file: $0, against: keys, named: name) }
        }
        print("file\treference\ttwins\ttexts\tshare")
        for r in rows {
            print("\(r.file)\t\(r.reference)\t\(r.twins)\t\(r.texts)\t" + String(format: "%.4f", r.texts == 0 ? 0 : Double(r.twins) / Double(r.texts)))
        }
        let total = rows.reduce(0) { $0 + $1.twins }
        FileHandle.standardError.write(Data("\(rows.count) pairs, \(total) twins in all\n".utf8))
    }

    private func resolve(_ path: String) -> String {
        FileManager.default.fileExists(atPath: path) ? path : ResourcePaths.corpus(path, root: corpora)
    }
}
