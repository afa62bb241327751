/// One key/value fact about a product, e.g. `材质 = 牛仔布` or `Color = red`.
/// Keys may repeat (AdvertiseGen lists several 风格 values for one product).
public struct ProductAttribute: Sendable, Equatable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
