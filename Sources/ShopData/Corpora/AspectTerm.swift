/// One SemEval-2014 aspect term: the words, their character span in the sentence text
/// (`from`..<`to`, as in the files: offsets in Unicode scalars), and their polarity.
public struct AspectTerm: Sendable, Equatable {
    public var term: String
    public var from: Int
    public var to: Int
    /// positive, negative, neutral or conflict.
    public var polarity: String
}
