import Foundation
import ShopEmbeddings

/// Draws training progress on stderr: bar, percent, words/s, loss, learning rate, ETA.
/// Redraws in place on a terminal, prints a line every few seconds into logs.
final class EmbedProgressBar: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var lastLine = 0.0
    private let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: TrainingProgress) {
        guard enabled else { return }
        let final = p.processedWords >= p.totalWords
        if !isTerminal && !final && p.elapsed - lastLine < 5 { return }
        lastLine = p.elapsed
        let width = 30
        let filled = Int(Double(width) * p.fraction)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "embed [%@] %5.1f%%  %7.0fk words/s  loss %.4f  lr %.5f  ETA %@",
                          bar, p.fraction * 100, p.wordsPerSecond / 1000, p.loss, p.learningRate,
                          EmbedProgressBar.clock(final ? 0 : p.eta))
        let out = isTerminal ? "\r\u{1B}[K" + line + (final ? "\n" : "") : line + "\n"
        FileHandle.standardError.write(Data(out.utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
