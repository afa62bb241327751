import Testing
@testable import ShopDialogue

/// The confusions `intent eval` lists.
@Suite struct IntentConfusionTests {
    @Test func mostFrequentFirstThenByLabel() {
        let m = IntentMetrics(gold: ["a", "a", "a", "b", "b", "c", "c"], predicted: ["b", "b", "a", "c", "a", "a", "c"])
        let top = m.topConfusions(limit: 10)
        #expect(top.map { "\($0.gold)>\($0.predicted):\($0.count)" } == ["a>b:2", "b>a:1", "b>c:1", "c>a:1"])
        #expect(m.topConfusions(limit: 1).count == 1)
    }
}
