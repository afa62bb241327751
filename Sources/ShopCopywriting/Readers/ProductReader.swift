import Foundation
import ShopData

/// Streams products from a file in any `ProductFormat`. Each step yields a record or a
/// `DataError` naming file, line and reason, so one malformed record never stops a run.
public final class ProductReader: Sequence, IteratorProtocol {
    public let path: String
    public let format: ProductFormat
    private var step: () -> Result<ProductRecord, DataError>?
    /// The human-written copy of AdvertiseGen records (id → summary), kept for the benchmark.
    public private(set) var references: [String: String] = [:]

    public init(path: String, format: ProductFormat) throws {
        self.path = path
        self.format = format
        step = { nil }
        switch format {
        case .jsonl: step = try jsonlSteps()
        case .csv: step = try csvSteps()
        case .xml: step = try xmlSteps()
        case .advertisegen: step = try advertiseGenSteps()
        }
    }

    public func next() -> Result<ProductRecord, DataError>? { step() }

    /// Reads everything (small inputs and tests): good records and the errors.
    public func readAll() -> (records: [ProductRecord], errors: [DataError]) {
        var records: [ProductRecord] = [], errors: [DataError] = []
        for r in self {
            switch r {
            case .success(let p): records.append(p)
            case .failure(let e): errors.append(e)
            }
        }
        return (records, errors)
    }

    // MARK: JSON Lines

    private func jsonlSteps() throws -> () -> Result<ProductRecord, DataError>? {
        let lines = try LineReader(InputSource(argument: path))
        let name = lines.name
        return {
            while true {
                let raw: RawLine?
                do { raw = try lines.nextLine() } catch let e as DataError { return .failure(e) } catch {
                    return .failure(DataError(file: name, reason: "\(error)"))
                }
                guard let raw else { return nil }
                if raw.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return JSONProductParser.parse(Data(raw.bytes), file: name, line: raw.number)
            }
        }
    }

    // MARK: AdvertiseGen

    private func advertiseGenSteps() throws -> () -> Result<ProductRecord, DataError>? {
        let reader = try RecordReader(InputSource(argument: path),
                                      options: RecordReaderOptions(format: .jsonl, textField: .name("content"), emptyText: .error))
        let name = reader.source.name
        return { [weak self] in
            guard let r = reader.next() else { return nil }
            switch r {
            case .failure(let e): return .failure(e)
            case .success(let rec):
                do {
                    let id = rec.fields["id"] ?? "adgen-\(rec.line)"
                    let product = try AdvertiseGenAttributes.record(content: rec.text, id: id, file: name, line: rec.line)
                    if let s = rec.fields["summary"] { self?.references[id] = s }
                    return .success(product)
                } catch let error as AdvertiseGenSyntaxError {
                    return .failure(DataError(file: name, line: rec.line, field: "content", reason: error.reason))
                } catch {
                    return .failure(DataError(file: name, line: rec.line, field: "content", reason: "\(error)"))
                }
            }
        }
    }

    // MARK: CSV

    private func csvSteps() throws -> () -> Result<ProductRecord, DataError>? {
        let reader = try RecordReader(InputSource(argument: path),
                                      options: RecordReaderOptions(format: .csv, textField: .column(1), emptyText: .keep))
        let name = reader.source.name
        return {
            guard let r = reader.next() else { return nil }
            switch r {
            case .failure(let e): return .failure(e)
            case .success(let rec): return CatalogueColumns.product(from: rec.fields, file: name, line: rec.line)
            }
        }
    }

    // MARK: Google Merchant XML

    private func xmlSteps() throws -> () -> Result<ProductRecord, DataError>? {
        let reader = try XMLRecordReader(InputSource(argument: path), recordElement: "item")
        let name = reader.name
        return {
            guard let r = reader.next() else { return nil }
            switch r {
            case .failure(let e): return .failure(e)
            case .success(let rec): return MerchantFeedFields.product(from: rec, file: name)
            }
        }
    }
}
