/// Text ready to go into a slot, with the product facts it states.
public struct SlotValue: Sendable, Equatable {
    public var text: String
    public var facts: [ProductAttribute]

    public init(text: String, facts: [ProductAttribute]) {
        self.text = text
        self.facts = facts
    }
}
