import ArgumentParser
import Foundation
import ShopData
import ShopTokenize
import ShopCore

/// Buffered standard output.
struct TokenizeOutput {
    private var buffer: [UInt8] = []

    mutating func writeLine(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        if buffer.isEmpty { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
