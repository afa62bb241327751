/// One alternative sentence of a template part: `- (tone) {?cond} text`.
public struct TemplateLine: Sendable, Equatable {
    public var tone: Tone?
    public var conditions: [TemplateCondition]
    public var nodes: [TemplateNode]
    /// 1-based line in the template file, for error messages.
    public var line: Int

    public init(tone: Tone? = nil, conditions: [TemplateCondition] = [], nodes: [TemplateNode], line: Int = 0) {
        self.tone = tone
        self.conditions = conditions
        self.nodes = nodes
        self.line = line
    }
}
