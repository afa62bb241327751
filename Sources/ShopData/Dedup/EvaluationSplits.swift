import Foundation
import ShopCore

/// Every held-out text of the shared corpora: what pretraining text (word vectors,
/// language models) and default models must never contain. The shared Chinese corpora
/// overlap, so a train split of one corpus holds test texts of another; training code
/// drops any text whose `TextKey` is in this set.
public enum EvaluationSplits {
    /// Dev and test files under `root`, relative and sorted: every `dev.tsv` and
    /// `test.tsv`, the SemEval-2014 test XML, and the SIGHAN 2005 test and gold files.
    public static func relativeFiles(root: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name == "dev.tsv" || name == "test.tsv"
                || (rel.hasPrefix("semeval2014_absa/") && name.hasSuffix("_Test_Gold.xml"))
                || (rel.hasPrefix("sighan2005_icwb2/") && name.hasSuffix("_test.utf8"))
                || (rel.hasPrefix("sighan2005_icwb2/") && name.hasSuffix("_test_gold.utf8")) {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    /// The keys of every held-out text under `root` (default: the shared corpora), with
    /// the files read. Throws `DataError` when the folder holds no such file at all, so a
    /// missing corpora folder can never silently mean "nothing to exclude".
    public static func keys(root: String? = nil) throws -> (keys: TextKeySet, files: [String]) {
        let base = ResourcePaths.corpora(root)
        let files = relativeFiles(root: base).map { (base as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw DataError(file: base, reason: "no dev/test splits found: is this the shared corpora folder?")
        }
        return (try CorpusTexts.keys(files), files)
    }
}
