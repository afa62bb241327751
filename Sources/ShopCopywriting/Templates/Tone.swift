/// The register of a blurb. Template lines tagged with a tone are used only in that tone;
/// untagged lines serve every tone.
public enum Tone: String, Sendable, CaseIterable, Codable {
    case plain
    case lively
    case premium
}
