import Foundation
import ShopData

/// The manifest `sentiment train` writes beside a model: file, format, features, metrics and
/// the command that rebuilds it.
public struct SentimentManifest: Codable {
    public var model: String
    public var bytes: Int
    public var checksum: String
    public var format: String
    public var labels: [String]
    public var features: FeatureOptions
    public var featureCount: Int
    public var info: ModelInfo
    public var metrics: [String: SentimentMetrics]
    public var rebuild: String

    public init(model: String, bytes: Int, checksum: String, format: String, labels: [String], features: FeatureOptions,
                featureCount: Int, info: ModelInfo, metrics: [String: SentimentMetrics], rebuild: String) {
        self.model = model
        self.bytes = bytes
        self.checksum = checksum
        self.format = format
        self.labels = labels
        self.features = features
        self.featureCount = featureCount
        self.info = info
        self.metrics = metrics
        self.rebuild = rebuild
    }

    /// Writes the manifest atomically as sorted, pretty-printed JSON.
    public func write(to path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try enc.encode(self), to: path)
    }
}
