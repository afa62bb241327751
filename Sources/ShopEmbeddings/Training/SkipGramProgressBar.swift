import Foundation
import ShopCore

/// Skip-gram training progress on stderr through ShopCore's `ProgressBar`: bar, percent,
/// words/s, loss, learning rate, ETA. Redraws in place on a terminal, prints a line every
/// few seconds into logs.
public final class SkipGramProgressBar: @unchecked Sendable {
    private var lastLine = 0.0
    private let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Shows `p` (the trainer's callback; called from one thread at a time).
    public func show(_ p: TrainingProgress) {
        guard enabled else { return }
        let final = p.processedWords >= p.totalWords
        if !ProgressBar.stderrIsTerminal && !final && p.elapsed - lastLine < 5 { return }
        lastLine = p.elapsed
        ProgressBar.write(Self.line(p, final: final), final: final)
    }

    /// The progress line for `p` (ETA 0:00 once `final`).
    static func line(_ p: TrainingProgress, final: Bool) -> String {
        let width = 30
        let filled = Int(Double(width) * p.fraction)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return String(format: "embed [%@] %5.1f%%  %7.0fk words/s  loss %.4f  lr %.5f  ETA %@",
                      bar, p.fraction * 100, p.wordsPerSecond / 1000, p.loss, p.learningRate, clock(final ? 0 : p.eta))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
