import Foundation

/// The log lines' `ts`: ISO 8601 in UTC with milliseconds (`2026-12-04T19:46:16.123Z`), the
/// text `Date.ISO8601FormatStyle(includingFractionalSeconds: true)` writes, built by hand:
/// the format style cost more per access-log line than the rest of the line.
/// `LogTimestampTests` compares the two on many instants.
enum LogTimestamp {
    static func string(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let whole = t.rounded(.down)
        // milliseconds truncated, as the format style does
        let ms = min(999, max(0, Int((t - whole) * 1000)))
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out = ""
        out.reserveCapacity(24)
        func pad(_ v: Int, _ width: Int) {
            let s = String(v)
            if s.count < width { out.append(String(repeating: "0", count: width - s.count)) }
            out.append(s)
        }
        pad(Int(parts.tm_year) + 1900, 4); out.append("-")
        pad(Int(parts.tm_mon) + 1, 2); out.append("-")
        pad(Int(parts.tm_mday), 2); out.append("T")
        pad(Int(parts.tm_hour), 2); out.append(":")
        pad(Int(parts.tm_min), 2); out.append(":")
        pad(Int(parts.tm_sec), 2); out.append(".")
        pad(ms, 3); out.append("Z")
        return out
    }
}
