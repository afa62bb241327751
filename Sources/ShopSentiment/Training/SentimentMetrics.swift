/// Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix.
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

    public init(labels: [String], gold: [Int], predicted: [Int]) {
        let k = labels.count
        var m = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (g, p) in zip(gold, predicted) { m[g][p] += 1 }
        var right = 0
        for i in 0..<k { right += m[i][i] }
        var per: [ClassScores] = []
        for i in 0..<k {
            let tp = Double(m[i][i])
            let predictedI = Double((0..<k).reduce(0) { $0 + m[$1][i] })
            let goldI = Double(m[i].reduce(0, +))
            let p = predictedI > 0 ? tp / predictedI : 0
            let r = goldI > 0 ? tp / goldI : 0
            per.append(ClassScores(label: labels[i], precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0, support: Int(goldI)))
        }
        self.labels = labels
        self.count = gold.count
        self.accuracy = gold.isEmpty ? 0 : Double(right) / Double(gold.count)
        self.macroF1 = k == 0 ? 0 : per.map(\.f1).reduce(0, +) / Double(k)
        self.perClass = per
        self.confusion = m
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
