/// One piece of a template sentence after parsing.
public indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text, written as is.
    case text(String)
    /// `{key|filter|…}`: a product fact, rendered through filters.
    case slot(SlotReference)
    /// `[ … ]`: kept only when every slot inside can be filled, else dropped silently.
    case optional([TemplateNode])
    /// `<a|b|c>`: one alternative per candidate; the ranker picks.
    case choice([[TemplateNode]])
}

/// `{key|filter|filter}` inside a template.
public struct SlotReference: Sendable, Equatable {
    public var key: String
    public var filters: [String]

    public init(key: String, filters: [String] = []) {
        self.key = key
        self.filters = filters
    }
}
