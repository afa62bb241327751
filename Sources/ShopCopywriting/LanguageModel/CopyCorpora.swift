import ShopData

/// The public corpora the copy LM and the benchmark use, read through `ProductReader`.
public enum CopyCorpora {
    /// AdvertiseGen relative path under the corpora folder (only the dev set exists).
    public static let advertiseGen = "advertisegen/dev.json"
    /// The English catalogue sample.
    public static let catalogue = "amazon_products_promptcloud_sample/test_sample_1000.csv"

    /// One AdvertiseGen example: its position in the file, the product, the human copy.
    public struct Example: Sendable {
        public var index: Int
        public var record: ProductRecord
        public var reference: String
    }

    /// All AdvertiseGen examples in file order, and the records that could not be read.
    public static func advertiseGenExamples(path: String) throws -> (examples: [Example], errors: [DataError]) {
        let reader = try ProductReader(path: path, format: .advertisegen)
        var examples: [Example] = [], errors: [DataError] = []
        var index = 0
        for r in reader {
            switch r {
            case .success(let p):
                examples.append(Example(index: index, record: p, reference: reader.references[p.id] ?? ""))
            case .failure(let e):
                errors.append(e)
            }
            index += 1
        }
        return (examples, errors)
    }

    /// The catalogue's products in file order.
    public static func catalogueProducts(path: String) throws -> (records: [ProductRecord], errors: [DataError]) {
        try ProductReader(path: path, format: .csv).readAll()
    }

    /// LM training text from a catalogue product: its feature bullets without boilerplate
    /// and decorations, one sequence each.
    public static func catalogueSentences(_ record: ProductRecord) -> [String] {
        record.features.compactMap { f in
            let lower = f.lowercased()
            if FeatureCleaner.boilerplate.contains(where: { lower.contains($0) }) { return nil }
            let s = String(f.drop { !($0.isLetter || $0.isNumber) })
            return s.count >= 12 ? s : nil
        }
    }
}
