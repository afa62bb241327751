/// Turns raw bytes into a `String` under an `InvalidUTF8Policy`, telling where the first
/// bad byte is when the policy is `.report`.
enum UTF8Decoding {
    /// The decoded string, or the 1-based byte column of the first invalid sequence.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, policy: InvalidUTF8Policy) -> Result<String, InvalidUTF8Column> {
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        switch policy {
        case .replace: return .success(String(decoding: bytes, as: UTF8.self))
        case .report: return .failure(InvalidUTF8Column(column: firstInvalidByte(bytes) + 1))
        }
    }

    static func decode(_ bytes: [UInt8], policy: InvalidUTF8Policy) -> Result<String, InvalidUTF8Column> {
        bytes.withUnsafeBufferPointer { decode($0, policy: policy) }
    }

    /// 0-based offset of the first byte that starts an invalid sequence.
    static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}
