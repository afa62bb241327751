/// A record's facts by normalised key, shared by the contexts of one record (a class, so
/// contexts built from one another fill one cache).
final class AttributeCache {
    /// `SlotContext.attributes` by key number (`SlotKeys`).
    var byNumber: [[ProductAttribute]?] = []
    /// The record's names (`SlotContext.exemptPhrases`), once per record, not per template.
    var exemptPhrases: [String]?
    /// `SlotContext.normalise` of each spec's key, in order: a lookup of a spec key compares
    /// it with every spec's, and normalising them again for each key was a thirtieth of
    /// English describe.
    var specKeys: [String]?
    /// `SlotContext.normalise` of the keys asked for that were not normal already.
    var normalisedKeys: [UTF8Key: String] = [:]
}
