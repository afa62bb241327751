extension DeepTextPath {
    /// True when `other` has the same vocabulary, settings and every parameter bit for bit: what
    /// a re-saved model file is checked against (its serialised bytes may differ where they
    /// hold metadata, so bytes are not the test).
    public func hasSameWeights(as other: DeepTextPath) -> Bool {
        guard vocabulary == other.vocabulary, keepsTail == other.keepsTail, wideBigrams == other.wideBigrams,
              networks.count == other.networks.count else { return false }
        for (a, b) in zip(networks, other.networks) {
            guard a.config == b.config, a.parameters.count == b.parameters.count else { return false }
            for (p, q) in zip(a.parameters, b.parameters)
            where p.name != q.name || p.value.map(\.bitPattern) != q.value.map(\.bitPattern) {
                return false
            }
        }
        return true
    }
}
