import CLibXML2

/// Gathers libxml2's structured errors (parser and schema validator) for one operation.
/// Passed to libxml2 as the callback's user-data pointer, so no global state is needed.
final class XMLErrorCollector {
    var problems: [XMLProblem] = []
    let file: String

    init(file: String) { self.file = file }

    /// The C callback: reads the `xmlError` and appends it to the collector in `userData`.
    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        collector.problems.append(XMLProblem(file: collector.file, line: Int(e.line), reason: message))
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

import Foundation
