#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `--resume` support: how many records an interrupted run already wrote, after cutting
/// off a half-written last line.
public enum ResumableOutput {
    /// Counts complete lines of `path` and truncates anything after the last newline.
    /// Returns 0 when the file does not exist. Reads in blocks (bounded memory).
    public static func prepare(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let fd = open(path, O_RDWR)
        guard fd >= 0 else { throw SentimentError.data(path: path, line: nil, reason: "cannot open output to resume (errno \(errno))") }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 0
        var offset: Int64 = 0
        var afterLastNewline: Int64 = 0
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw SentimentError.data(path: path, line: nil, reason: "read error (errno \(errno))") }
            if n == 0 { break }
            for i in 0..<n where buf[i] == 10 {
                lines += 1
                afterLastNewline = offset + Int64(i) + 1
            }
            offset += Int64(n)
        }
        if afterLastNewline < offset {
            guard ftruncate(fd, off_t(afterLastNewline)) == 0 else {
                throw SentimentError.data(path: path, line: nil, reason: "cannot truncate partial last line (errno \(errno))")
            }
        }
        return lines
    }

    /// The input line number recorded in the last complete output line (`{"line":N,…}`),
    /// nil when the file is empty, absent or its last line carries none. Reads only the tail.
    ///
    /// Why: `--resume` must not continue an output that belongs to another input (issue 20:
    /// a 50,000-line output was "resumed" for a 2-record input, exit 0). The caller checks
    /// that the input's record number `prepare(_:)` has this line number.
    public static func lastRecordLine(_ path: String) -> Int? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        let tail = min(size, 1 << 16)
        try? h.seek(toOffset: size - tail)
        guard let data = try? h.readToEnd(), !data.isEmpty else { return nil }
        var lines = data.split(separator: 10, omittingEmptySubsequences: true)
        if data.last != 10 { lines = lines.dropLast() }
        guard let last = lines.last else { return nil }
        let prefix = Array("{\"line\":".utf8)
        guard last.starts(with: prefix) else { return nil }
        let digits = last.dropFirst(prefix.count).prefix { $0 >= 48 && $0 <= 57 }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// Keeps only the error lines of records before `records` (those the resumed run
    /// skips), so errors are neither lost nor duplicated. Rewritten atomically.
    public static func trimErrors(_ path: String, keepBelow records: Int) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var kept = Data()
        for line in data.split(separator: 10) {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let r = obj["record"] as? Int, r < records else { continue }
            kept.append(contentsOf: line)
            kept.append(10)
        }
        try ShopDataAtomic.write(kept, to: path)
    }
}

import ShopData
typealias ShopDataAtomic = AtomicFile
