/// One alternative sentence of a template part: `- (tone) {?cond} text`.
public struct TemplateLine: Sendable, Equatable {
    public var tone: Tone?
    public var conditions: [TemplateCondition]
    public var nodes: [TemplateNode] { didSet { fixedProbe = LazyExpansion.fixedProbe(nodes) } }
    /// 1-based line in the template file, for error messages.
    public var line: Int
    /// The probe of a line without slots, the same for every product (`LazyExpansion.fixedProbe`):
    /// about half the lines, and walking their long lists of wordings for every product was
    /// most of the probing.
    private(set) var fixedProbe: LazyExpansion.Probe??

    public init(tone: Tone? = nil, conditions: [TemplateCondition] = [], nodes: [TemplateNode], line: Int = 0) {
        self.tone = tone
        self.conditions = conditions
        self.nodes = nodes
        self.line = line
        fixedProbe = LazyExpansion.fixedProbe(nodes)
    }

    /// `LazyExpansion.probe(nodes, in: context)`.
    func probe(in context: SlotContext) -> LazyExpansion.Probe? {
        if let fixed = fixedProbe { return fixed }
        return LazyExpansion.probe(nodes, in: context)
    }
}
