/// One hand-annotated aspect term of an evaluation clause (`Corpora/aspects/eval`).
public struct AspectGoldTerm: Sendable, Equatable {
    /// The term exactly as written in the clause.
    public var term: String
    /// `positive`, `negative` or `neutral`: the opinion the clause expresses about it.
    public var polarity: String
    /// A coarse aspect category (价格, 物流, 服务, …), free text.
    public var category: String
}
