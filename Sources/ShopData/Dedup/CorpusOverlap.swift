/// How many texts of one file have a normalised twin (`TextKey`) in a reference: the
/// audit behind `shopnlp corpus overlap`.
public struct CorpusOverlap: Sendable, Equatable {
    /// The file whose texts were looked up.
    public var file: String
    /// What it was looked up in (a file, or a description of a union of files).
    public var reference: String
    /// Texts of `file` (empty-key texts included).
    public var texts: Int
    /// Texts of `file` whose key is in the reference.
    public var twins: Int

    /// Counts the texts of `file` with a twin in `reference`.
    public static func measure(file: String, against reference: TextKeySet, named name: String) throws -> CorpusOverlap {
        var texts = 0, twins = 0
        try CorpusTexts.forEach(in: file) { text in
            texts += 1
            if reference.contains(text: text) { twins += 1 }
        }
        return CorpusOverlap(file: file, reference: name, texts: texts, twins: twins)
    }

    /// Every ordered pair of `files` (B's texts looked up in A, for A ≠ B).
    public static func pairwise(_ files: [String]) throws -> [CorpusOverlap] {
        let keys = try files.map { try CorpusTexts.keys([$0]) }
        var out: [CorpusOverlap] = []
        for (i, a) in files.enumerated() {
            for b in files where b != a {
                out.append(try measure(file: b, against: keys[i], named: a))
            }
        }
        return out
    }
}
