import Foundation

/// JSON objects written one per line (JSON Lines output of the commands).
public enum JSONLine {
    /// One JSON object with sorted keys on one line ("{}" when a value cannot be encoded).
    public static func object(_ values: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
