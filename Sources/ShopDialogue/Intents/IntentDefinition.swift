import ShopCore

/// One intent as written in an `Intents/*.xml` file.
public struct IntentDefinition: Sendable {
    /// When answering this intent hands the conversation to a human.
    public enum Handoff: String, Sendable {
        case never, always, ifNegative
    }

    public var name: String
    public var domain: String
    public var handoff: Handoff
    public var description: String
    public var slots: [SlotDefinition]
    public var examples: [Language: [String]]
    public var responses: [Language: [String]]
    public var followups: [String]
    /// `acts="true"`: answering changes something (cancel, return…), so an order the customer
    /// did not state in the message is confirmed first.
    public var acts: Bool = false
    /// Short customer-facing names per language (`<title>`), for "did you mean A or B?".
    public var titles: [Language: String] = [:]
    /// Per language, parallel to `responses`: the optional slot a variant needs (`when="slot"`), or nil.
    public var responseConditions: [Language: [String?]] = [:]
    public var file: String
    public var line: Int

    public init(name: String, domain: String, handoff: Handoff = .never, description: String = "",
                slots: [SlotDefinition] = [], examples: [Language: [String]] = [:],
                responses: [Language: [String]] = [:], followups: [String] = [], file: String = "", line: Int = 0) {
        self.name = name
        self.domain = domain
        self.handoff = handoff
        self.description = description
        self.slots = slots
        self.examples = examples
        self.responses = responses
        self.followups = followups
        self.file = file
        self.line = line
    }

    public var requiredSlots: [SlotDefinition] { slots.filter(\.required) }

    /// The customer-facing name in a language: the `<title>`, else the name with spaces.
    public func title(_ lang: Language) -> String {
        titles[lang] ?? titles.values.first ?? name.replacingOccurrences(of: "_", with: " ")
    }
}

/// A slot an intent fills from an entity, with the prompt used when it is missing.
public struct SlotDefinition: Sendable {
    public var name: String
    public var entity: String
    public var required: Bool
    public var prompts: [Language: String]

    public init(name: String, entity: String, required: Bool, prompts: [Language: String]) {
        self.name = name
        self.entity = entity
        self.required = required
        self.prompts = prompts
    }
}
