import ArgumentParser
import Foundation

/// Reads a file (or stdin) as raw lines in 64 KB chunks, so big inputs stream in bounded
/// memory and invalid UTF-8 can be reported per line instead of failing the whole file.
struct TokenizeLineReader {
    let name: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(path: String?) throws {
        if let path, path != "-" {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw ValidationError("\(path): cannot open file")
            }
            handle = h
            name = path
        } else {
            handle = FileHandle.standardInput
            name = "<stdin>"
        }
    }

    /// The next line without its line break (a trailing CR is dropped too), or nil at the end.
    mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[position..<end]
                position = nl + 1
                lineNumber += 1
                return line
            }
            if eof {
                guard position < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[position..<end]
                position = buffer.count
                lineNumber += 1
                return line
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
