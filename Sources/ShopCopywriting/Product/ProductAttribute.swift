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
        Self.combine(key, into: &hasher)
        hasher.combine(UInt8(0xFF))  // never inside UTF-8: "ab"+"c" and "a"+"bc" differ
        Self.combine(value, into: &hasher)
    }

    /// The text's UTF-8 bytes, read in place where the string has contiguous storage (no
    /// copy, so no retain and release as `withUTF8` on a copy needs).
    @inline(__always)
    private static func combine(_ text: String, into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            var t = text
            t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    public static func == (a: ProductAttribute, b: ProductAttribute) -> Bool {
        UTF8Key.bytesEqual(a.key, b.key) && UTF8Key.bytesEqual(a.value, b.value)
    }
}
