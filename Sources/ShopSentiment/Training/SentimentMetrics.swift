import ShopNeural

/// Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix, labelled
/// for sentiment reports; the arithmetic is `ClassificationMetrics`'.
public struct SentimentMetrics: Codable, Sendable, Equatable {
    public struct ClassScores: Codable, Sendable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var labels: [String]
    public var count: Int
    public var accuracy: Double
    public var macroF1: Double
    public var perClass: [ClassScores]
    /// confusion[gold][predicted]
    public var confusion: [[Int]]

    /// Scores through `ClassificationMetrics` (macro-F1 over the gold label set).
    public init(labels: [String], gold: [Int], predicted: [Int]) {
        let m = ClassificationMetrics(predicted: predicted, gold: gold, numClasses: labels.count)
        self.labels = labels
        self.count = m.total
        self.accuracy = m.accuracy
        self.macroF1 = m.macroF1
        self.perClass = labels.indices.map {
            ClassScores(label: labels[$0], precision: m.precision[$0], recall: m.recall[$0], f1: m.f1[$0], support: m.support[$0])
        }
        self.confusion = m.confusion
    }

    /// A plain-text report for people.
    public var report: String {
        func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
        var s = "examples  \(count)\naccuracy  \(pct(accuracy))\nmacro-F1  \(pct(macroF1))\n\n"
        let w = max(10, (labels.map(\.count).max() ?? 0) + 2)
        func pad(_ t: String) -> String { t.count >= w ? t : t + String(repeating: " ", count: w - t.count) }
        s += pad("label") + "precision  recall     F1         support\n"
        for c in perClass {
            s += pad(c.label) + [pct(c.precision), pct(c.recall), pct(c.f1)].map { $0.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\(c.support)\n"
        }
        s += "\nconfusion (rows gold, columns predicted)\n" + pad("") + labels.map { pad($0) }.joined() + "\n"
        for (i, row) in confusion.enumerated() { s += pad(labels[i]) + row.map { pad(String($0)) }.joined() + "\n" }
        return s
    }
}

import Foundation
