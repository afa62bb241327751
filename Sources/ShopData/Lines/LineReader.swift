#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a file or standard input line by line through one reusable buffer, so memory
/// stays bounded by the longest line, not the file. Lines come without their terminator
/// (`\n` or `\r\n`); a last line without a newline is still a line; a UTF-8 byte-order
/// mark at the start of the input is dropped. Line numbers are 1-based.
public final class LineReader {
    /// The file path or `<stdin>`, for error messages.
    public let name: String
    /// The size of the input in bytes when it is a regular file (for progress), else nil.
    public let totalBytes: Int64?
    /// The number of the line most recently returned (0 before the first).
    public private(set) var lineNumber = 0
    /// Bytes consumed up to and including the terminator of the line most recently returned.
    public var byteOffset: Int64 { bufferFileOffset + Int64(start) }

    /// Lines longer than this are reported as errors instead of growing the buffer further.
    public let maxLineBytes: Int

    private let fd: Int32
    private let ownsFile: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0          // first byte of the next line
    private var end = 0            // one past the last valid byte
    private var scanned = 0        // bytes from `start` already known to hold no newline
    private var bufferFileOffset: Int64 = 0
    private var atEOF = false
    private var checkedBOM = false
    private var discarding = false  // inside a line that was too long: drop bytes up to its newline
    private var refused = false     // the input is UTF-16/32: reported once, then no lines

    /// Opens a file or standard input.
    public convenience init(_ source: InputSource, bufferSize: Int = 1 << 18, maxLineBytes: Int = 1 << 28) throws {
        switch source {
        case .file(let path): try self.init(path: path, bufferSize: bufferSize, maxLineBytes: maxLineBytes)
        case .standardInput: self.init(standardInputWithBufferSize: bufferSize, maxLineBytes: maxLineBytes)
        }
    }

    /// Opens a file; throws a `DataError` when it is missing, unreadable or a directory.
    public init(path: String, bufferSize: Int = 1 << 18, maxLineBytes: Int = 1 << 28) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw DataError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw DataError(file: path, reason: "is a directory, not a file")
        }
        let f = open(path, O_RDONLY)
        guard f >= 0 else {
            throw DataError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        name = path
        totalBytes = (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : nil
        fd = f
        ownsFile = true
        capacity = max(bufferSize, 16)
        buffer = .allocate(capacity: capacity)
        self.maxLineBytes = maxLineBytes
    }

    /// Reads standard input.
    public convenience init(standardInputWithBufferSize bufferSize: Int = 1 << 18, maxLineBytes: Int = 1 << 28) {
        self.init(fileDescriptor: 0, name: InputSource.standardInput.name, closeWhenDone: false,
                  bufferSize: bufferSize, maxLineBytes: maxLineBytes)
    }

    /// Reads an open file descriptor (a pipe, a socket, standard input); `name` is used in errors.
    public init(fileDescriptor: Int32, name: String, closeWhenDone: Bool, bufferSize: Int = 1 << 18, maxLineBytes: Int = 1 << 28) {
        self.name = name
        var st = stat()
        totalBytes = fstat(fileDescriptor, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : nil
        fd = fileDescriptor
        ownsFile = closeWhenDone
        capacity = max(bufferSize, 16)
        buffer = .allocate(capacity: capacity)
        self.maxLineBytes = maxLineBytes
    }

    deinit {
        if ownsFile { close(fd) }
        buffer.deallocate()
    }

    /// `withNextLine` for record readers: the body's result for the next line, nil at the
    /// end, and a failure to read as a `DataError` result naming the file (never thrown).
    public func nextResult<T>(_ body: (UnsafeBufferPointer<UInt8>) -> Result<T, DataError>) -> Result<T, DataError>? {
        do { return try withNextLine(body) } catch let e as DataError {
            return .failure(e)
        } catch {
            return .failure(DataError(file: name, reason: "\(error)"))
        }
    }

    /// Calls `body` with the bytes of the next line (valid only during the call) and
    /// returns its result, or returns nil at the end of the input.
    public func withNextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        if refused { return nil }
        while true {
            if discarding {
                try skipRestOfLongLine()
                if discarding { return nil }
                continue
            }
            let searchFrom = start + scanned
            if searchFrom < end, let hit = memchr(buffer + searchFrom, 0x0A, end - searchFrom) {
                let nl = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                return try emit(lineEnd: nl, next: nl + 1, body)
            }
            scanned = end - start
            if atEOF {
                if start < end { return try emit(lineEnd: end, next: end, body) }
                return nil
            }
            try fill()
        }
    }

    /// The next line as an owned copy, or nil at the end of the input.
    public func nextLine() throws -> RawLine? {
        try withNextLine { bytes in
            RawLine(number: lineNumber, bytes: Array(bytes), endOffset: byteOffset)
        }
    }

    private func emit<R>(lineEnd: Int, next: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var first = start
        var last = lineEnd
        if !checkedBOM {
            checkedBOM = true
            if last - first >= 3, buffer[first] == 0xEF, buffer[first + 1] == 0xBB, buffer[first + 2] == 0xBF { first += 3 }
            // UTF-16 and UTF-32 split into "lines" at every 0x0A byte and decode as text
            // full of NULs; say which encoding it is instead (issue 20).
            if let encoding = Self.wideEncoding(UnsafeBufferPointer(start: buffer + first, count: min(4, end - first))) {
                refused = true
                throw DataError(file: name, line: 1, reason: "the input is \(encoding) (byte-order mark); convert it to UTF-8, e.g. iconv -f \(encoding) -t UTF-8")
            }
        }
        if last > first, buffer[last - 1] == 0x0D { last -= 1 }
        lineNumber += 1
        start = next
        scanned = 0
        return try body(UnsafeBufferPointer(start: buffer + first, count: last - first))
    }

    /// The encoding a UTF-16 or UTF-32 byte-order mark announces, or nil.
    static func wideEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return "UTF-32LE" }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return "UTF-32BE" }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return "UTF-16LE" }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return "UTF-16BE" }
        return nil
    }

    /// Drops bytes up to and including the next newline; leaves `discarding` set only at EOF.
    private func skipRestOfLongLine() throws {
        while true {
            if start < end, let hit = memchr(buffer + start, 0x0A, end - start) {
                start = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                scanned = 0
                discarding = false
                return
            }
            start = end
            scanned = 0
            if atEOF { return }
            try fill()
        }
    }

    /// Moves the unread tail to the front, grows the buffer when one line fills it, and reads more.
    private func fill() throws {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            bufferFileOffset += Int64(start)
            end = pending
            start = 0
        }
        if end == capacity {
            if capacity >= maxLineBytes {
                // Report the line and drop it, so the caller can go on with the next one.
                lineNumber += 1
                discarding = true
                start = end
                scanned = 0
                throw DataError(file: name, line: lineNumber, reason: "line longer than \(maxLineBytes) bytes; skipped")
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        // read(2), not fread: on a pipe it returns what has arrived instead of waiting
        // for a full buffer, so interactive input is handled line by line.
        var n = read(fd, buffer + end, capacity - end)
        while n < 0 && errno == EINTR { n = read(fd, buffer + end, capacity - end) }
        if n < 0 {
            atEOF = true  // a failed read ends the input rather than being retried forever
            throw DataError(file: name, line: lineNumber + 1, reason: "read error: \(String(cString: strerror(errno)))")
        }
        if n == 0 { atEOF = true }
        end += n
    }
}
