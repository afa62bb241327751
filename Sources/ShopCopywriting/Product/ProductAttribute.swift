/// One key/value fact about a product, e.g. `材质 = 牛仔布` or `Color = red`.
/// Keys may repeat (AdvertiseGen lists several 风格 values for one product).
public struct ProductAttribute: Sendable, Equatable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    // Hashed and compared by UTF-8 bytes rather than `String`'s canonical equivalence: facts
    // go through sets for every candidate, and the normalisation pass over Chinese text was
    // a visible share of describe's time. Facts are compared with facts read from the same
    // record, so bytes are what identity means here.
    public func hash(into hasher: inout Hasher) {
        var k = key, v = value
        k.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(UInt8(0xFF))  // never inside UTF-8: "ab"+"c" and "a"+"bc" differ
        v.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: ProductAttribute, b: ProductAttribute) -> Bool {
        UTF8Key.bytesEqual(a.key, b.key) && UTF8Key.bytesEqual(a.value, b.value)
    }
}
