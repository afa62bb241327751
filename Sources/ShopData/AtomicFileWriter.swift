#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a large output into a temporary file beside `path` and renames it into place
/// on `commit()`, so readers never see a half-written file; without a commit (an error,
/// an interrupted run) the temporary file is removed and the old file stays.
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var committed = false

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if !dir.isEmpty, dir != "." { _ = mkdir(dir, 0o755) }
        temporaryPath = (dir.isEmpty ? "" : dir + "/") + ".\(base).\(getpid()).tmp"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw DataError(file: path, reason: "cannot create temporary file: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
    }

    public func write(_ text: String) throws {
        var copy = text
        try copy.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard fd >= 0 else { throw DataError(file: path, reason: "write after commit") }
        var done = 0
        while done < bytes.count {
            let n = posixWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError(file: path, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    /// Flushes to disk and renames the temporary file over `path`.
    public func commit() throws {
        guard fd >= 0 else { return }
        if fsync(fd) != 0 || close(fd) != 0 {
            fd = -1
            throw DataError(file: path, reason: "cannot finish writing: \(String(cString: strerror(errno)))")
        }
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            throw DataError(file: path, reason: "cannot rename temporary file into place: \(String(cString: strerror(errno)))")
        }
        committed = true
    }
}

/// `write(2)`, named apart from the method above.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
