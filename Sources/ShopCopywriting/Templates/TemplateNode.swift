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
    public var key: String { didSet { number = SlotKeys.number(key) } }
    public var filters: [String]
    /// `SlotKeys.number(key)`: what a context looks the slot's values up by.
    private(set) var number: Int

    public init(key: String, filters: [String] = []) {
        self.key = key
        self.filters = filters
        number = SlotKeys.number(key)
    }
}
