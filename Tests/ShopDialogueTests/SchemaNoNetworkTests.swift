import Foundation
import XCTest
@testable import ShopDialogue
#if canImport(Glibc)
import Glibc
import ShopData
#endif

/// Issue 20: an `xs:include` of an `http://` URL in a schema was fetched (a loopback listener
/// logged `GET /inc.xsd`). A listener on 127.0.0.1 must see no connection at all.
final class SchemaNoNetworkTests: XCTestCase {
    /// A TCP listener on an ephemeral loopback port; `connections()` accepts without blocking.
    private final class Listener {
        let fd: Int32
        let port: UInt16
        init() throws {
            let sock = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &addr) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    bind(sock, sa, len) == 0 && listen(sock, 8) == 0 && getsockname(sock, sa, &len) == 0
                }
            }
            guard ok else { close(sock); throw XCTSkip("cannot listen on loopback") }
            fd = sock
            port = UInt16(bigEndian: addr.sin_port)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        /// Connections that arrived (the kernel completes handshakes before `accept`).
        func connections() -> Int {
            var n = 0
            while true {
                let c = accept(fd, nil, nil)
                if c < 0 { return n }
                close(c); n += 1
            }
        }
        deinit { close(fd) }
    }

    func testSchemaIncludeOfAnHTTPURLIsNotFetched() throws {
        let listener = try Listener()
        let dir = NSTemporaryDirectory() + "nonet-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schema = dir + "/s.xsd"
        try """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="http://127.0.0.1:\(listener.port)/inc.xsd"/>
              <xs:import namespace="urn:x" schemaLocation="http://127.0.0.1:\(listener.port)/imp.xsd"/>
              <xs:element name="r" type="xs:string"/>
            </xs:schema>
            """.write(toFile: schema, atomically: true, encoding: .utf8)
        let doc = dir + "/d.xml"
        try """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "http://127.0.0.1:\(listener.port)/d.dtd">
            <r>x</r>
            """.write(toFile: doc, atomically: true, encoding: .utf8)
        // Whether the schema compiles without its includes is libxml2's business; what
        // matters is that nothing was requested.
        if let validator = try? XMLSchemaValidator(schemaPath: schema) {
            _ = try? validator.parseAndValidate(doc)
        }
        usleep(100_000)
        XCTAssertEqual(listener.connections(), 0, "libxml2 connected to the network")
    }
}
