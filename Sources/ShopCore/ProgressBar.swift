import Foundation

/// The one progress display on stderr every module uses: bar, count, examples/s, loss, ETA
/// (`update`), or a line a caller formats itself (`write`).
///
/// Redraws at most ~8 times a second; on a non-terminal stderr it prints a line
/// every few seconds instead, so logs stay readable.
public final class ProgressBar: @unchecked Sendable {
    public let total: Int
    public let label: String
    public let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let isTerminal = isatty(STDERR_FILENO) != 0

    public init(total: Int, label: String, enabled: Bool = true) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    /// `done` examples processed so far; `loss` is the running mean loss.
    public func update(done: Int, loss: Float?, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        let interval = isTerminal ? 0.125 : 5.0
        if !force && now.timeIntervalSince(lastDraw) < interval && done < total { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 24
        let filled = min(width, width * done / total)
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        var line = "\(label) [\(bar)] \(done)/\(total)  \(Int(rate)) ex/s"
        if let loss { line += "  loss \(String(format: "%.4f", loss))" }
        line += "  ETA \(Self.clock(eta))"
        FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + line + (isTerminal ? "" : "\n")).utf8))
    }

    /// Final redraw and newline.
    public func finish(loss: Float?) {
        guard enabled else { return }
        update(done: total, loss: loss, force: true)
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Whether stderr is a terminal: bars redraw in place there and print lines into logs.
    public static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    /// Writes one progress line a caller formatted: redrawn in place on a terminal (with a
    /// newline after the `final` one), a line of its own into a log.
    public static func write(_ line: String, final: Bool) {
        let out = stderrIsTerminal ? "\r\u{1B}[K" + line + (final ? "\n" : "") : line + "\n"
        FileHandle.standardError.write(Data(out.utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                         : String(format: "%d:%02d", s / 60, s % 60)
    }
}
