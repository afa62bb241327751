/// A record's facts by normalised key, shared by the contexts of one record (a class, so
/// contexts built from one another fill one cache).
final class AttributeCache {
    var byKey: [UTF8Key: [ProductAttribute]] = [:]
    /// The record's names (`SlotContext.exemptPhrases`), once per record, not per template.
    var exemptPhrases: [String]?
}
