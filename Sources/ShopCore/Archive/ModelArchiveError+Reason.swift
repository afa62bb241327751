extension ModelArchiveError {
    /// What went wrong with `file`, without the `file: ` every archive error starts with: for a
    /// loader whose own error names the file once (intent, segmenter).
    public static func reason(_ error: Error, file: String) -> String {
        let text = "\(error)"
        return text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text
    }
}
