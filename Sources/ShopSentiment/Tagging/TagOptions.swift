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

    public init(explain: Bool = false, explainTop: Int = 5, aspects: Bool = false, chunkSize: Int = 2048, workers: Int = 2) {
        self.explain = explain
        self.explainTop = explainTop
        self.aspects = aspects
        self.chunkSize = chunkSize
        self.workers = workers
    }
}
