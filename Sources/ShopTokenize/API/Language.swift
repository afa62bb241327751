/// The language a line is tokenised as. `.auto` decides per line by script.
public enum Language: String, Sendable, CaseIterable {
    case auto, zh, en
}
