import Foundation
import Testing
@testable import ShopDialogue

/// Issue 20 (a 20 MB chat line in under 2 s): the chat's urgency models are read only when
/// a message has an anger cue, not at every start-up.
@Suite struct LazySentimentModelTests {
    @Test func shippedModelsAreReadOnlyWhenAMessageNeedsThem() throws {
        let (scorer, note) = SentimentUrgency.shipped(folder: TestSupport.packageRoot + "/Models")
        #expect(note == nil)
        let s = try #require(scorer as? SentimentUrgency)
        #expect(!s.zhSource.isLoaded && !s.enSource.isLoaded)
        #expect(s.negativity("where is my order") == 0)
        #expect(!s.zhSource.isLoaded && !s.enSource.isLoaded)
        #expect(s.negativity("this is a scam, worst service ever, I am furious") > 0)
        #expect(s.enSource.isLoaded)
        #expect(!s.zhSource.isLoaded)
    }

    @Test func aFileThatDoesNotLoadGivesNoModel() throws {
        let path = NSTemporaryDirectory() + "lazy-\(UUID().uuidString).model"
        try Data("not a model".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lazy = LazySentimentModel(path: path)
        #expect(!lazy.isLoaded)
        #expect(lazy.model == nil)
        #expect(lazy.isLoaded)
    }
}
