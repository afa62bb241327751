/// The training text after tokenising: every sentence as a run of word ids, all in one
/// flat array (our corpora are a few million tokens, so they fit in memory and the
/// threads can split them without re-reading files).
public struct TokenCorpus: Sendable {
    /// Word ids (indices into the vocabulary), sentence after sentence.
    public let ids: [Int32]
    /// `ids[sentenceStarts[i]..<sentenceStarts[i+1]]` is sentence i; last entry is `ids.count`.
    public let sentenceStarts: [Int]

    public init(ids: [Int32], sentenceStarts: [Int]) {
        self.ids = ids
        self.sentenceStarts = sentenceStarts
    }

    public var sentenceCount: Int { sentenceStarts.count - 1 }
    public var tokenCount: Int { ids.count }
}
