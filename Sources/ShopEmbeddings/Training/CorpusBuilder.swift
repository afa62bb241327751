/// Collects tokenised sentences, counting words as it goes, then drops rare words and
/// numbers the rest. Tokens are interned on arrival so the text is tokenised only once.
public struct CorpusBuilder: Sendable {
    private var provisional: [String: Int32] = [:]
    private var provisionalWords: [String] = []
    private var provisionalCounts: [Int] = []
    private var ids: [Int32] = []
    private var starts: [Int] = [0]

    public init() {}

    /// Adds one sentence (already tokenised). Empty sentences are skipped.
    public mutating func add<S: Sequence>(_ tokens: S) where S.Element == String {
        var added = false
        for token in tokens where !token.isEmpty {
            let id: Int32
            if let known = provisional[token] {
                id = known
                provisionalCounts[Int(id)] += 1
            } else {
                id = Int32(provisionalWords.count)
                provisional[token] = id
                provisionalWords.append(token)
                provisionalCounts.append(1)
            }
            ids.append(id)
            added = true
        }
        if added { starts.append(ids.count) }
    }

    /// Tokens added so far (before the rare ones are dropped).
    public var tokenCount: Int { ids.count }

    /// The vocabulary of words seen `minCount` times or more, and the corpus over it
    /// (rare words are removed from the sentences, as word2vec does).
    public func finish(minCount: Int, maxVocabulary: Int? = nil) -> (Vocabulary, TokenCorpus) {
        var table: [String: Int] = [:]
        table.reserveCapacity(provisionalWords.count)
        for (w, c) in zip(provisionalWords, provisionalCounts) { table[w] = c }
        let vocab = Vocabulary(counts: table, minCount: minCount, maxSize: maxVocabulary)
        let remap: [Int32] = provisionalWords.map { w in vocab.index[w].map(Int32.init) ?? -1 }
        var out: [Int32] = []
        out.reserveCapacity(ids.count)
        var outStarts = [0]
        for s in 0..<(starts.count - 1) {
            for i in starts[s]..<starts[s + 1] {
                let id = remap[Int(ids[i])]
                if id >= 0 { out.append(id) }
            }
            if out.count > outStarts.last! { outStarts.append(out.count) }
        }
        return (vocab, TokenCorpus(ids: out, sentenceStarts: outStarts))
    }
}
