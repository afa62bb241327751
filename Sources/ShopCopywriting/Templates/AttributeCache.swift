/// A record's facts by normalised key, shared by the contexts of one record (a class, so
/// contexts built from one another fill one cache).
final class AttributeCache {
    var byKey: [UTF8Key: [ProductAttribute]] = [:]
}
