/// Platform presets: how long the paragraph, title and bullets may be.
public enum CopyPreset: String, Sendable, CaseIterable {
    /// Taobao/Tmall: a title of at most 30 characters (60 bytes), 5 selling points, a short paragraph.
    case taobao
    /// Amazon: a title up to 200 characters, 5 bullets, a full paragraph.
    case amazon
    /// Short: a 3-bullet card with a paragraph of at most 90 characters.
    case short

    public var maxChars: Int? {
        switch self {
        case .taobao: return 160
        case .amazon: return nil
        case .short: return 90
        }
    }

    public var titleChars: Int {
        switch self {
        case .taobao: return 30
        case .amazon: return 200
        case .short: return 60
        }
    }

    public var bullets: Int {
        switch self {
        case .taobao, .amazon: return 5
        case .short: return 3
        }
    }
}
