#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds libxml2's pull reader from a file descriptor or memory, each piece ending just
/// after a `>` (or at the end of the data available).
///
/// Why: `xmlTextReader` discards every node of the chunk in which it meets an error, and
/// with its own reads that chunk holds several records: 1,000 good records followed by a
/// malformed one came back as 988 plus an error. Ending every piece at a tag boundary means
/// each push completes at most one tag, so every record closed before the bad tag has been
/// handed out before the chunk holding the error is parsed. It costs about half again the
/// parser's own time (0.42 → 0.63 s for a 48 MB feed, loaded machine), small beside what
/// callers do with the records.
final class XMLInputPump {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0, end = 0
    private var atEnd = false

    /// Reads the descriptor (closed on deinit when `owns`).
    init(fd: Int32, owns: Bool) {
        self.fd = fd
        ownsDescriptor = owns
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Reads bytes held in memory.
    init(bytes: [UInt8]) {
        fd = -1
        ownsDescriptor = false
        buffer = bytes
        end = bytes.count
        atEnd = true
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Copies at most `capacity` bytes, up to and including the next `>`, into `out`.
    /// Returns the count, 0 at the end of the input, -1 on a read error.
    func read(into out: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        if start == end {
            if atEnd { return 0 }
            var n: Int
            repeat {
                n = buffer.withUnsafeMutableBytes { readDescriptor(fd, $0.baseAddress, $0.count) }
            } while n < 0 && errno == EINTR
            if n < 0 { return -1 }
            if n == 0 { atEnd = true; return 0 }
            start = 0; end = n
        }
        var count = min(end - start, max(0, capacity), Int(Int32.max))
        buffer.withUnsafeBufferPointer { b in
            if let gt = b[start..<(start + count)].firstIndex(of: UInt8(ascii: ">")) { count = gt - start + 1 }
            out.withMemoryRebound(to: UInt8.self, capacity: count) { dst in
                dst.update(from: b.baseAddress! + start, count: count)
            }
        }
        start += count
        return Int32(count)
    }
}

/// `read(2)`, under a name the method above does not shadow.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
