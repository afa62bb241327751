/// One CSV row per product (RFC 4180 quoting): id, language, title, five bullet columns,
/// the paragraph, keywords (`; `-joined) and warnings, for copywriters' spreadsheets.
public enum DescriptionCSV {
    public static let header = "id,lang,title,bullet_1,bullet_2,bullet_3,bullet_4,bullet_5,blurb,keywords,warnings"

    public static func row(_ d: ProductDescription) -> String {
        var fields = [d.productID, d.language.rawValue, d.listing?.title ?? ""]
        let bullets = d.listing?.bullets ?? []
        for i in 0..<5 { fields.append(i < bullets.count ? bullets[i] : "") }
        fields.append(d.blurbs.first?.text ?? "")
        fields.append((d.listing?.keywords ?? []).joined(separator: "; "))
        fields.append(d.warnings.joined(separator: "; "))
        return fields.map(quote).joined(separator: ",")
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}
