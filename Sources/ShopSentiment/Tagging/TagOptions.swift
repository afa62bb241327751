/// What the tagger writes per record and how the batch runs.
public struct TagOptions: Sendable {
    /// Add the top weighted tokens (`tokens`).
    public var explain: Bool
    /// How many tokens `explain` shows.
    public var explainTop: Int
    /// Add aspect terms with a polarity each (`aspects`).
    public var aspects: Bool
    /// Records per chunk: memory is bounded by a few chunks.
    public var chunkSize: Int
    /// Threads that tokenise and infer.
    public var workers: Int
    /// Applied to every token text `explain` prints (`tokens`, `attention`), so customer
    /// data in a review (a phone or card number the model weighed) is not copied into the
    /// output. nil prints tokens as they are. The CLI passes ShopDialogue's redactor.
    public var redactToken: (@Sendable (String) -> String)?
    /// A record field copied into each output line as `id` (a JSON string), so results
    /// join back to their records by id rather than by position (e.g. after Spark's pipe).
    public var idField: String?

    public init(explain: Bool = false, explainTop: Int = 5, aspects: Bool = false, chunkSize: Int = 2048, workers: Int = 2,
                idField: String? = nil) {
        self.explain = explain
        self.explainTop = explainTop
        self.aspects = aspects
        self.chunkSize = chunkSize
        self.workers = workers
        self.idField = idField
    }
}
