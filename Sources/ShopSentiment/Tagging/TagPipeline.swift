import Foundation
import ShopData
import ShopCore

/// The batch tagger: reads records in chunks on one thread, tags each chunk on all
/// workers, writes results in input order. Memory is bounded by two chunks in flight.
/// Unreadable records become an error line in the output (so line counts stay aligned
/// for `--resume`) and a JSON line in the errors sink.
public final class TagPipeline {
    /// Counts at the end of a run.
    public struct Summary: Sendable {
        public var records = 0
        public var skipped = 0
        public var errors = 0
        public var perLabel: [String: Int] = [:]
        public var seconds = 0.0

        public var text: String {
            var s = "\(records) records tagged"
            if skipped > 0 { s += " (+\(skipped) resumed)" }
            s += String(format: " in %.1fs", seconds)
            if seconds > 0 { s += String(format: " (%.0f records/s)", Double(records) / seconds) }
            for (label, n) in perLabel.sorted(by: { $0.key < $1.key }) { s += "; \(label) \(n)" }
            s += "; errors \(errors)"
            return s
        }
    }

    /// A progress report: records done, bytes read and the input size when known.
    public struct Progress: Sendable {
        public var records: Int
        public var seconds: Double
        public var bytes: Int64
        public var totalBytes: Int64?

        public var line: String {
            let rate = seconds > 0 ? Double(records) / seconds : 0
            var s = String(format: "%d records  %.0f/s", records, rate)
            if let total = totalBytes, total > 0, bytes > 0 {
                let frac = min(1, Double(bytes) / Double(total))
                s += String(format: "  %.0f%%", frac * 100)
                if frac > 0.001 { s += String(format: "  ETA %.0fs", seconds / frac - seconds) }
            }
            return s
        }
    }

    public typealias Next = () -> Result<TextRecord, DataError>?

    private let tagger: RecordTagger
    private let next: Next
    private let byteOffset: () -> Int64
    private let totalBytes: Int64?
    private let write: (String) throws -> Void
    private let writeError: ((String) throws -> Void)?
    private let skip: Int
    private let progress: ((Progress) -> Void)?

    /// - Parameters:
    ///   - next: the record stream (e.g. `RecordReader.next`), read on a background thread.
    ///   - write: receives output text (whole lines) in input order.
    ///   - writeError: receives error JSON lines (`record`, `line`, `reason`, …).
    ///   - skip: records already in the output (from `ResumableOutput.prepare`).
    public init(tagger: RecordTagger, next: @escaping Next, byteOffset: @escaping () -> Int64 = { 0 },
                totalBytes: Int64? = nil, write: @escaping (String) throws -> Void,
                writeError: ((String) throws -> Void)? = nil, skip: Int = 0, progress: ((Progress) -> Void)? = nil) {
        self.tagger = tagger
        self.next = next
        self.byteOffset = byteOffset
        self.totalBytes = totalBytes
        self.write = write
        self.writeError = writeError
        self.skip = skip
        self.progress = progress
    }

    private struct Chunk: @unchecked Sendable {
        var firstRecord: Int
        var items: [Result<TextRecord, DataError>]
        var bytes: Int64
    }

    /// Runs to the end of the input.
    public func run() throws -> Summary {
        let start = Date()
        var summary = Summary()
        let queue = ChunkQueue<Chunk>(capacity: 2)
        let chunkSize = max(1, tagger.options.chunkSize)
        let skip = self.skip
        let reader = UncheckedBox((next, byteOffset))
        let thread = Thread {
            let (next, offset) = reader.value
            var index = 0
            // Skip what a previous run already wrote (still parsing, so numbering holds).
            while index < skip, next() != nil { index += 1 }
            while true {
                var items: [Result<TextRecord, DataError>] = []
                items.reserveCapacity(chunkSize)
                while items.count < chunkSize, let r = next() { items.append(r) }
                if items.isEmpty { break }
                queue.put(Chunk(firstRecord: index, items: items, bytes: offset()))
                index += items.count
                if items.count < chunkSize { break }
            }
            queue.close()
        }
        thread.stackSize = 8 << 20
        thread.start()
        summary.skipped = skip

        var lastReport = Date()
        let workers = max(1, tagger.options.workers)
        let tagger = self.tagger
        while let chunk = queue.take() {
            let n = chunk.items.count
            var results = [RecordTagger.Tagged?](repeating: nil, count: n)
            results.withUnsafeMutableBufferPointer { buf in
                nonisolated(unsafe) let out = buf
                let items = UncheckedBox(chunk.items)
                // Each worker tags a contiguous slice as one batch (the deep path batches).
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let lo = n * w / workers, hi = n * (w + 1) / workers
                    var good: [Int] = []
                    var records: [(text: String, line: Int)] = []
                    for i in lo..<hi {
                        switch items.value[i] {
                        case .success(let rec):
                            if rec.text.allSatisfy(\.isWhitespace) {
                                out[i] = RecordTagger.errorLine(line: rec.line, reason: "empty text")
                            } else {
                                good.append(i)
                                records.append((rec.text, rec.line))
                            }
                        case .failure(let e):
                            out[i] = RecordTagger.errorLine(line: e.line, reason: e.reason)
                        }
                    }
                    for (k, t) in tagger.tag(records: records).enumerated() { out[good[k]] = t }
                }
            }
            var text = ""
            text.reserveCapacity(n * 80)
            for (i, r) in results.enumerated() {
                var r = r!
                let id = RecordID.apply(tagger.options.idField, record: chunk.items[i], to: &r)
                if let reason = r.error {
                    summary.errors += 1
                    if let writeError {
                        var e = "{\"record\":\(chunk.firstRecord + i),\"line\":"
                        var file: String? = nil, field: String? = nil, line: Int? = nil
                        switch chunk.items[i] {
                        case .failure(let d): file = d.file; field = d.field; line = d.line
                        case .success(let rec): line = rec.line
                        }
                        e += line.map(String.init) ?? "null"
                        if let id { e += ",\"id\":"; JSONText.string(id, into: &e) }
                        if let file { e += ",\"file\":"; JSONText.string(file, into: &e) }
                        if let field { e += ",\"field\":"; JSONText.string(field, into: &e) }
                        e += ",\"reason\":"
                        JSONText.string(reason, into: &e)
                        e += "}\n"
                        try writeError(e)
                    }
                } else if let label = r.label {
                    summary.perLabel[label, default: 0] += 1
                }
                text += r.json
                text += "\n"
            }
            try write(text)
            summary.records += n
            if let progress, Date().timeIntervalSince(lastReport) >= 1 {
                lastReport = Date()
                progress(Progress(records: summary.records, seconds: Date().timeIntervalSince(start),
                                  bytes: chunk.bytes, totalBytes: totalBytes))
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// A bounded FIFO between the reading thread and the tagging loop.
final class ChunkQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private var closed = false
    private let capacity: Int
    private let cond = NSCondition()

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        cond.lock()
        while items.count >= capacity { cond.wait() }
        items.append(item)
        cond.broadcast()
        cond.unlock()
    }

    func close() {
        cond.lock()
        closed = true
        cond.broadcast()
        cond.unlock()
    }

    func take() -> T? {
        cond.lock()
        defer { cond.unlock() }
        while items.isEmpty && !closed { cond.wait() }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        cond.broadcast()
        return item
    }
}
