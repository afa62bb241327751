/// `@slot name = {a} | {b|noun} | text`: a slot defined by the first alternative whose slots
/// can all be filled. Derived slots keep the facts of the slots they were built from.
public struct DerivedSlot: Sendable, Equatable {
    public var name: String { didSet { number = SlotKeys.number(name) } }
    public var alternatives: [[TemplateNode]]
    /// `SlotKeys.number(name)`.
    private(set) var number: Int

    public init(name: String, alternatives: [[TemplateNode]]) {
        self.name = name
        self.alternatives = alternatives
        number = SlotKeys.number(name)
    }
}
