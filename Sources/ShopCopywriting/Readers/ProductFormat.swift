/// The product file formats `describe` reads.
public enum ProductFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: id, title, brand, category, price, specs, features.
    case jsonl
    /// A catalogue CSV with a header (the Amazon/PromptCloud columns, or plain id,title,… ones).
    case csv
    /// A Google Merchant RSS 2.0 feed: `<item>` elements with `g:` fields.
    case xml
    /// AdvertiseGen lines: `{"content": "类型#上衣*材质#牛仔布*…", "summary": "…"}`.
    case advertisegen

    /// Guesses from the extension; `.json` files whose name mentions AdvertiseGen's `dev`/`train` stay jsonl
    /// (pass `--format advertisegen` for those).
    public static func guess(path: String) -> ProductFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".xml") || lower.hasSuffix(".rss") { return .xml }
        if lower.contains("advertisegen") { return .advertisegen }
        return .jsonl
    }
}
