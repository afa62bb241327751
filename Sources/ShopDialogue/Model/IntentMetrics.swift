import ShopNeural

/// Accuracy, macro-F1 and the confusion matrix of an intent evaluation, plus the
/// out-of-scope figures (in-scope accuracy, oos recall) when the test set has `oos`.
public struct IntentMetrics: Sendable {
    public var labels: [String]
    /// confusion[gold][predicted], indices into `labels`.
    public var confusion: [[Int]]
    public var total: Int

    public init(gold: [String], predicted: [String]) {
        var set = Set(gold)
        set.formUnion(predicted)
        labels = set.sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        confusion = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (g, p) in zip(gold, predicted) { confusion[index[g]!][index[p]!] += 1 }
        total = gold.count
    }

    public var accuracy: Double {
        guard total > 0 else { return 0 }
        return Double(labels.indices.map { confusion[$0][$0] }.reduce(0, +)) / Double(total)
    }

    /// Macro-F1 over the gold label set, by `ClassificationMetrics` (the one definition).
    public var macroF1: Double { classification.macroF1 }

    /// The same evaluation as `ClassificationMetrics` (indices into `labels`).
    public var classification: ClassificationMetrics {
        var gold: [Int] = [], predicted: [Int] = []
        for g in labels.indices {
            for p in labels.indices where confusion[g][p] > 0 {
                gold += Array(repeating: g, count: confusion[g][p])
                predicted += Array(repeating: p, count: confusion[g][p])
            }
        }
        return ClassificationMetrics(predicted: predicted, gold: gold, numClasses: labels.count)
    }

    public var hasOutOfScope: Bool { labels.contains(outOfScopeLabel) && confusion[oosIndex!].reduce(0, +) > 0 }
    private var oosIndex: Int? { labels.firstIndex(of: outOfScopeLabel) }

    /// Accuracy over the in-scope gold examples (a rejected in-scope example counts as wrong).
    public var inScopeAccuracy: Double {
        var right = 0, n = 0
        for i in labels.indices where i != oosIndex {
            n += confusion[i].reduce(0, +)
            right += confusion[i][i]
        }
        return n > 0 ? Double(right) / Double(n) : 0
    }

    /// Share of out-of-scope gold examples that were rejected.
    public var outOfScopeRecall: Double {
        guard let o = oosIndex else { return 0 }
        let n = confusion[o].reduce(0, +)
        return n > 0 ? Double(confusion[o][o]) / Double(n) : 0
    }
}
