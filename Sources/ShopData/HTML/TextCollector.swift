/// Builds the output of `HTMLText`: collapses whitespace runs to one space and block
/// boundaries to one line break (or space), with nothing leading or trailing.
struct TextCollector {
    let keepLineBreaks: Bool
    private(set) var text = ""
    private var pendingSpace = false
    private var pendingBreak = false

    init(keepLineBreaks: Bool) { self.keepLineBreaks = keepLineBreaks }

    mutating func space() { pendingSpace = true }
    mutating func lineBreak() { pendingBreak = true }

    mutating func append(_ chunk: String) {
        for s in chunk.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if !text.isEmpty {
                if pendingBreak { text += keepLineBreaks ? "\n" : " " } else if pendingSpace { text += " " }
            }
            pendingBreak = false
            pendingSpace = false
            text.unicodeScalars.append(s)
        }
    }
}
