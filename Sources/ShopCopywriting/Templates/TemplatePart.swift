/// A slot in the blurb's structure (opening, material, details, …) with alternative lines.
public struct TemplatePart: Sendable, Equatable {
    public var name: String
    /// Movable parts may swap places with each other in candidates.
    public var movable: Bool
    /// When a required part cannot be realised, the whole template is skipped.
    public var required: Bool
    public var lines: [TemplateLine]

    public init(name: String, movable: Bool = false, required: Bool = false, lines: [TemplateLine] = []) {
        self.name = name
        self.movable = movable
        self.required = required
        self.lines = lines
    }
}
