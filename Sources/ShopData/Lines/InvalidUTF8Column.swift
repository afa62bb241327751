/// Where invalid UTF-8 starts in a line (1-based byte column).
struct InvalidUTF8Column: Error {
    var column: Int
    var reason: String { "invalid UTF-8 at byte \(column)" }
}
