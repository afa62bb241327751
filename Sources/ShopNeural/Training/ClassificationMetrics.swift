/// Accuracy, per-class precision / recall / F1, macro averages and the confusion matrix:
/// the one definition every module's figures use (sentiment, intents, aspects), so they
/// are comparable.
///
/// Macro averages are over the **gold label set**: the classes with at least one gold
/// example. A class that is only ever predicted (never gold) still lowers the precision
/// of nothing and is left out; a gold class never predicted counts with F1 0. This is
/// scikit-learn's `f1_score(average="macro", labels=<gold labels>)`.
public struct ClassificationMetrics: Codable, Sendable, Equatable {
    public let numClasses: Int
    /// `confusion[gold][predicted]` counts.
    public let confusion: [[Int]]
    public let total: Int
    public let accuracy: Double
    public let precision: [Double]
    public let recall: [Double]
    public let f1: [Double]
    /// Gold examples per class.
    public let support: [Int]
    /// Unweighted mean of per-class F1 over the classes with gold examples.
    public let macroF1: Double
    public let macroPrecision: Double
    public let macroRecall: Double

    public init(predicted: [Int], gold: [Int], numClasses: Int) {
        precondition(predicted.count == gold.count, "predicted and gold differ in length")
        var m = [[Int]](repeating: [Int](repeating: 0, count: numClasses), count: numClasses)
        for (p, g) in zip(predicted, gold) where p >= 0 && p < numClasses && g >= 0 && g < numClasses { m[g][p] += 1 }
        self.numClasses = numClasses
        confusion = m
        total = gold.count
        let correct = (0..<numClasses).reduce(0) { $0 + m[$1][$1] }
        accuracy = total == 0 ? 0 : Double(correct) / Double(total)
        var p = [Double](), r = [Double](), f = [Double](), s = [Int]()
        var used = [Int]()
        for c in 0..<numClasses {
            let tp = Double(m[c][c])
            let predictedC = Double((0..<numClasses).reduce(0) { $0 + m[$1][c] })
            let goldC = m[c].reduce(0, +)
            let pc = predictedC == 0 ? 0 : tp / predictedC
            let rc = goldC == 0 ? 0 : tp / Double(goldC)
            p.append(pc); r.append(rc); s.append(goldC)
            f.append(pc + rc == 0 ? 0 : 2 * pc * rc / (pc + rc))
            if goldC > 0 { used.append(c) }
        }
        precision = p; recall = r; f1 = f; support = s
        let n = Double(max(used.count, 1))
        macroF1 = used.reduce(0) { $0 + f[$1] } / n
        macroPrecision = used.reduce(0) { $0 + p[$1] } / n
        macroRecall = used.reduce(0) { $0 + r[$1] } / n
    }

    /// A plain-text report: per-class table, macro averages, confusion matrix.
    public func report(labels: [String]? = nil) -> String {
        let names = (0..<numClasses).map { c in labels.flatMap { c < $0.count ? $0[c] : nil } ?? "\(c)" }
        let width = max(8, names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        func fmt(_ x: Double) -> String { String(format3(x)) }
        var out = pad("class", width) + "  precision     recall         f1    support\n"
        for c in 0..<numClasses {
            out += pad(names[c], width) + pad(fmt(precision[c]), 11) + pad(fmt(recall[c]), 11) + pad(fmt(f1[c]), 11)
                + pad("\(support[c])", 11) + "\n"
        }
        out += pad("macro", width) + pad(fmt(macroPrecision), 11) + pad(fmt(macroRecall), 11) + pad(fmt(macroF1), 11)
            + pad("\(total)", 11) + "\n"
        out += "accuracy \(fmt(accuracy))\nconfusion (rows gold, columns predicted):\n"
        out += pad("", width) + names.map { pad($0, width + 1) }.joined() + "\n"
        for g in 0..<numClasses {
            out += pad(names[g], width) + confusion[g].map { pad("\($0)", width + 1) }.joined() + "\n"
        }
        return out
    }
}

private func format3(_ x: Double) -> String {
    let v = (x * 1000).rounded() / 1000
    var s = "\(v)"
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < 3 { s += String(repeating: "0", count: 3 - decimals) }
    }
    return s
}
