import Foundation
import ShopCore
#if canImport(Glibc)
import Glibc
#endif

/// Throughput of the ShopData readers on the shared corpora, with Foundation peers measured
/// in the same run (whole-file read + split for lines, JSONSerialization per line for JSON
/// Lines), and a large generated TSV for streaming speed and peak memory. MB/CPU-s divides
/// by the process's CPU time, not wall time, so it holds up on a machine shared with other jobs.
public struct ReaderBenchmark {
    /// The shared corpora folder (nil: SHOPNLP_CORPORA, else ../shared/corpora).
    public var corpora: String?
    /// Minimum seconds per measurement (the file is read repeatedly).
    public var seconds = 1.0
    /// Size in MB of the generated TSV for the streaming test (0: skip).
    public var bigMegabytes = 256
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init(corpora: String? = nil, seconds: Double = 1.0, bigMegabytes: Int = 256) {
        self.corpora = corpora
        self.seconds = seconds
        self.bigMegabytes = bigMegabytes
    }

    /// Measures every row, writing the table through `emit`.
    public func run() throws {
        let c = { (rel: String) in ResourcePaths.corpus(rel, root: corpora) }
        let tsv = c("online_shopping_10_cats/train.tsv")
        let jsonl = c("amazon_all_beauty_5core/All_Beauty_5.json")
        let csv = c("amazon_products_promptcloud_sample/test_sample_1000.csv")
        let blitzer = ["books", "dvd", "electronics", "kitchen"].flatMap { d in
            ["positive", "negative"].map { c("blitzer_multi_domain_sentiment/\(d)/\($0).review") }
        }
        let semeval = ["Laptop_Train_v2.xml", "Restaurants_Train_v2.xml"].map { c("semeval2014_absa/" + $0) }
        for f in [tsv, jsonl, csv] + blitzer + semeval where !FileManager.default.fileExists(atPath: f) {
            throw BenchmarkError.missingInput("missing corpus file \(f); pass --corpora DIR")
        }
        emit("ShopData readers (\(String(format: "%.1f", seconds)) s minimum per row; MB = 10^6 bytes)")
        emit(Self.line("reader", "MB/s", "MB/CPU-s", "records/s", "records"))

        row("LineReader lines, online_shopping train.tsv", files: [tsv]) { path in
            let r = try LineReader(path: path)
            var n = 0
            while try r.withNextLine({ $0.count }) != nil { n += 1 }
            return n
        }
        row("peer: String(contentsOfFile:) + split lines", files: [tsv]) { path in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        row("RecordReader tsv (label, text)", files: [tsv]) { path in
            try Self.count(RecordReader(path: path, options: .init(format: .tsv)))
        }
        row("RecordReader text lines", files: [tsv]) { path in
            try Self.count(RecordReader(path: path, options: .init(format: .text)))
        }
        row("RecordReader jsonl, All_Beauty_5 (reviewText)", files: [jsonl]) { path in
            try Self.count(RecordReader(path: path, options: .init(format: .jsonl, textField: .name("reviewText"),
                                                                  labelField: .name("overall"), emptyText: .keep)))
        }
        row("peer: LineReader + JSONSerialization per line", files: [jsonl]) { path in
            let r = try LineReader(path: path)
            var n = 0
            while let line = try r.nextLine() {
                let obj = try JSONSerialization.jsonObject(with: Data(line.bytes)) as? [String: Any]
                if obj?["reviewText"] is String { n += 1 }
            }
            return n
        }
        row("RecordReader csv, promptcloud (Product Name)", files: [csv]) { path in
            try Self.count(RecordReader(path: path, options: .init(format: .csv, textField: .name("Product Name"), emptyText: .keep)))
        }
        row("RecordReader xml, Blitzer 8 files (review_text)", files: blitzer) { path in
            try Self.count(RecordReader(path: path, options: .init(format: .xml, textField: .name("review_text"),
                                                                  labelField: .name("rating"))))
        }
        row("BlitzerReader, 8 files", files: blitzer) { path in
            try BlitzerReader(path: path).reduce(0) { n, r in n + ((try? r.get()) == nil ? 0 : 1) }
        }
        row("SemEvalReader, laptop + restaurant train", files: semeval) { path in
            try SemEvalReader(path: path).reduce(0) { n, r in n + ((try? r.get()) == nil ? 0 : 1) }
        }
        // HTML to text on review texts that hold markup or entities (others take the fast path).
        let texts = try blitzer.flatMap { try BlitzerReader.load(path: $0).map(\.text) }
        let marked = texts.filter { $0.contains("&") || $0.contains("<") }
        measure("HTMLText.plainText, \(marked.count) Blitzer texts with & or <", bytes: marked.reduce(0) { $0 + $1.utf8.count }) {
            marked.reduce(0) { $0 + (HTMLText.plainText($1).isEmpty ? 0 : 1) }
        }
        measure("HTMLText.plainText, all \(texts.count) Blitzer texts", bytes: texts.reduce(0) { $0 + $1.utf8.count }) {
            texts.reduce(0) { $0 + (HTMLText.plainText($1).isEmpty ? 0 : 1) }
        }
        if bigMegabytes > 0 { try big(from: tsv) }
    }

    /// One table row: name left-aligned, figures right-aligned.
    static func line(_ name: String, _ a: String, _ a2: String, _ b: String, _ c: String) -> String {
        func pad(_ s: String, _ w: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + fill : fill + s
        }
        return pad(name, 52, left: true) + pad(a, 9, left: false) + pad(a2, 10, left: false) + pad(b, 12, left: false) + pad(c, 10, left: false)
    }

    private static func count(_ reader: RecordReader) -> Int {
        var n = 0
        for r in reader { if case .success = r { n += 1 } }
        return n
    }

    /// Reads `files` repeatedly for at least `seconds` and prints MB/s and records/s.
    private func row(_ name: String, files: [String], _ body: (String) throws -> Int) {
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        measure(name, bytes: bytes) {
            var n = 0
            for f in files {
                do { n += try body(f) } catch { emit("  error: \(error)"); return n }
            }
            return n
        }
    }

    private func measure(_ name: String, bytes: Int, _ pass: () -> Int) {
        var passes = 0
        var records = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        let cpuStart = CPUClock.processSeconds()
        repeat {
            records = pass()
            passes += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        let mbs = Double(bytes) * Double(passes) / 1e6 / elapsed
        let rps = Double(records) * Double(passes) / elapsed
        let cpu = CPUClock.processSeconds() - cpuStart
        let perCPU = cpu > 0 ? Double(bytes) * Double(passes) / 1e6 / cpu : 0
        emit(Self.line(name, String(format: "%.1f", mbs), String(format: "%.1f", perCPU), String(format: "%.0f", rps), String(records)))
    }

    /// Writes a TSV of about `bigMegabytes` MB by repeating `source`, streams it once, and reports
    /// speed and the process's peak resident memory (bounded memory check).
    private func big(from source: String) throws {
        let path = NSTemporaryDirectory() + "shopnlp-bench-readers-\(getpid()).tsv"
        defer { unlink(path) }
        let chunk = try Data(contentsOf: URL(fileURLWithPath: source))
        guard let out = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw BenchmarkError.missingInput("cannot write \(path)") }
        var written = 0
        while written < bigMegabytes * 1_000_000 {
            out.write(chunk)
            written += chunk.count
        }
        try out.close()
        let before = Self.peakRSSMB()
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = CPUClock.processSeconds()
        let n = try Self.count(RecordReader(path: path, options: .init(format: .tsv)))
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = CPUClock.processSeconds() - cpuStart
        emit(Self.line("RecordReader tsv, generated \(written / 1_000_000) MB file", String(format: "%.1f", Double(written) / 1e6 / elapsed),
                        String(format: "%.1f", Double(written) / 1e6 / cpu), String(format: "%.0f", Double(n) / elapsed), String(n)))
        emit(String(format: "peak RSS: %.0f MB before the %d MB read, %.0f MB after (the file is streamed, not loaded)",
                     before, written / 1_000_000, Self.peakRSSMB()))
    }

    #if canImport(Glibc)
    private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    private static func peakRSSMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
