import Foundation
import Testing
@testable import ShopService

/// The service's per-request shortcuts against what they replace.
@Suite struct ServiceFastPathTests {
    @Test func logTimestampEqualsTheISO8601FormatStyle() {
        var f = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        f.timeZone = TimeZone(identifier: "UTC")!
        var instants: [Double] = [0, 0.5, 0.9995, 951_782_400.5, 1_764_877_576.9996, 1_764_877_576.0005, 4_102_444_799.999]
        var x: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<5000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            instants.append(Double(x >> 11) / Double(1 << 53) * 4_102_444_800)  // 1970…2100
        }
        for t in instants {
            let d = Date(timeIntervalSince1970: t)
            #expect(LogTimestamp.string(d) == d.formatted(f), "\(t)")
        }
    }

    @Test func fixedLogMessagesAreLeftAsTheRedactorLeavesThem() {
        let sink = LogSink(capture: true)
        for m in LogSink.fixedMessages { #expect(sink.redactMessage(m) == sink.redact(m)) }
        #expect(sink.redactMessage("request") == "request")
        // anything else still goes through the redactor
        #expect(sink.redactMessage("call 13812345678") == sink.redact("call 13812345678"))
        #expect(!sink.redactMessage("call 13812345678").contains("13812345678"))
    }

    @Test func aJobOverItsLimitIsAnswered503WhileStillRunning() async throws {
        let pool = ComputePool(threads: 1)
        // The job cannot end before the test lets it go (or 10 s pass), so a 503 seen while
        // `finished` is still false came from the deadline watch, not from the job's late end.
        // No wall-clock bound: a loaded machine may resume the test late, never in the wrong order.
        let release = DispatchSemaphore(value: 0)
        let finished = JobEndFlag()
        await #expect(throws: APIError.self) {
            try await pool.run(limit: .milliseconds(50)) {
                _ = release.wait(timeout: .now() + 10)
                finished.set()
                return 1
            }
        }
        let endedBeforeThe503 = finished.isSet
        #expect(!endedBeforeThe503, "the 503 waited for the job to end")
        // a job queued behind it past its limit is skipped, and one in time still runs
        await #expect(throws: APIError.self) {
            try await pool.run(limit: .milliseconds(10)) { 2 }
        }
        release.signal()
        let ok = try await pool.run(limit: .seconds(10)) { 3 }
        #expect(ok == 3)
    }

    @Test func aJobFinishingLateIsAnswered503() async throws {
        let pool = ComputePool(threads: 2)
        await #expect(throws: APIError.self) {
            try await pool.run(limit: .milliseconds(1)) { Thread.sleep(forTimeInterval: 0.005); return 1 }
        }
    }
}

/// Set by a test job when it ends (read from the test's thread).
private final class JobEndFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
