import ShopCore

/// Joins several values the way each language lists them: `复古、文艺、简约`; `red, blue and green`.
public enum ListJoiner {
    public static func join(_ items: [String], language: Language) -> String {
        switch language {
        case .zh:
            return items.joined(separator: "、")
        case .en:
            if items.count <= 2 { return items.joined(separator: " and ") }
            return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
