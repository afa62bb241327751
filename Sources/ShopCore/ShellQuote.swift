import Foundation

/// Command lines recorded in models and manifests, written so a shell reads them back as
/// the same words (the `rebuild` field is pasted into a terminal).
public enum ShellQuote {
    /// `word` as is when it holds only characters no shell treats specially, else in single
    /// quotes (a quote inside becomes `'\''`).
    public static func word(_ word: String) -> String {
        word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@+,".contains($0) }) ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
