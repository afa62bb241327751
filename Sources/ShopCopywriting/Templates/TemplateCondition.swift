/// `{?key}`, `{?!key}`, `{?key=a,b}` or `{?!key=a,b}` at the start of a template line (or in
/// `@match`): the line is used only when the record has (or lacks) the key, or one of the values.
public struct TemplateCondition: Sendable, Equatable {
    public var key: String { didSet { number = SlotKeys.number(key) } }
    /// nil: any value; else the record must have one of these values (case-insensitive).
    public var values: [String]? { didSet { lowercasedValues = values?.map { $0.lowercased() } } }
    public var negated: Bool
    /// `values` lower-cased once: every template line's conditions are checked for every product.
    private var lowercasedValues: [String]?
    /// `SlotKeys.number(key)`: what a context looks the key's values up by.
    private var number: Int

    public init(key: String, values: [String]? = nil, negated: Bool = false) {
        self.key = key
        self.values = values
        self.negated = negated
        lowercasedValues = values?.map { $0.lowercased() }
        number = SlotKeys.number(key)
    }

    /// Parses the inside of `{? … }`, e.g. `!版型=显瘦,宽松`.
    public static func parse(_ body: String) -> TemplateCondition? {
        var s = Substring(body)
        var negated = false
        if s.first == "!" { negated = true; s = s.dropFirst() }
        if let eq = s.firstIndex(of: "=") {
            let key = String(s[..<eq]).trimmingCharactersInSet()
            let values = s[s.index(after: eq)...].split(separator: ",").map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty }
            guard !key.isEmpty, !values.isEmpty else { return nil }
            return TemplateCondition(key: key, values: values, negated: negated)
        }
        let key = String(s).trimmingCharactersInSet()
        return key.isEmpty ? nil : TemplateCondition(key: key, negated: negated)
    }

    /// Whether the condition holds for the facts in `context`.
    func holds(in context: SlotContext) -> Bool {
        let present: Bool
        let have = context.lowercasedRawValues(number: number, key: key)
        if let wanted = lowercasedValues {
            present = wanted.contains { w in have.contains { SlotContext.sameText($0, w) } }
        } else {
            present = !have.isEmpty
        }
        return present != negated
    }

    /// The facts a satisfied value condition vouches for, so a sentence written for
    /// `版型=显瘦` counts as mentioning it.
    func mentions(in context: SlotContext) -> [ProductAttribute] {
        guard !negated, let wanted = lowercasedValues else { return [] }
        return context.attributes(number: number, key: key).filter { a in
            let v = a.value.lowercased()
            return wanted.contains { SlotContext.sameText($0, v) }
        }
    }
}
