/// One clause of an aspect evaluation set with its gold terms and where it came from.
public struct AspectGoldClause: Sendable, Equatable {
    public var id: String
    /// The corpus file it was drawn from (`online_shopping_10_cats/train.tsv`).
    public var source: String
    /// 1-based line of `source` that holds the clause.
    public var line: Int
    /// Product category of the source review (`酒店`, `手机`, `-` when unknown).
    public var category: String
    public var clause: String
    /// Gold aspect terms, in the order annotated; empty for a clause without aspects.
    public var terms: [AspectGoldTerm]

    public init(id: String, source: String, line: Int, category: String, clause: String, terms: [AspectGoldTerm]) {
        self.id = id
        self.source = source
        self.line = line
        self.category = category
        self.clause = clause
        self.terms = terms
    }
}
