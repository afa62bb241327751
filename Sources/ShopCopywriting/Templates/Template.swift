import ShopCore

/// One template file: which products it is for, derived slots, and its parts in order.
public struct Template: Sendable, Equatable {
    public var name: String
    public var language: Language
    /// All must hold for the template to apply (`@match`).
    public var matches: [TemplateCondition]
    /// Generic templates are used only when no specific template applies.
    public var isFallback: Bool
    public var derivedSlots: [DerivedSlot]
    public var parts: [TemplatePart]
    public var file: String

    public init(name: String, language: Language, matches: [TemplateCondition] = [], isFallback: Bool = false,
                derivedSlots: [DerivedSlot] = [], parts: [TemplatePart] = [], file: String = "") {
        self.name = name
        self.language = language
        self.matches = matches
        self.isFallback = isFallback
        self.derivedSlots = derivedSlots
        self.parts = parts
        self.file = file
    }
}
