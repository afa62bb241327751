/// Dates as the report reads them: `YYYY-MM-DD` (or `/`, `.` separators), optionally
/// followed by a time (`T…` or ` …`), or Unix seconds/milliseconds as a number.
/// Computed by hand (days from civil date), so a million dates cost microseconds.
public enum ReportDate {
    /// Days since 1970-01-01, or nil when the text is not a date we read.
    public static func day(_ text: String) -> Int? {
        let s = Array(text.utf8)
        if !s.isEmpty, s.allSatisfy({ $0 >= 48 && $0 <= 57 }), s.count <= 13, let n = Int(text) {
            let seconds = s.count > 10 ? n / 1000 : n
            return seconds >= 0 ? seconds / 86_400 : nil
        }
        guard s.count >= 10 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard s[i] >= 48 && s[i] <= 57 else { return nil }; v = v * 10 + Int(s[i] - 48) }
            return v
        }
        let sep = s[4]
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: "."), s[7] == sep,
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y), (1900...2200).contains(y) else { return nil }
        if s.count > 10 && s[10] != UInt8(ascii: "T") && s[10] != UInt8(ascii: " ") { return nil }
        return days(year: y, month: m, day: d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month m: Int, year y: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD` of a day number.
    public static func string(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The Monday that starts the ISO week of a day (1970-01-01 was a Thursday).
    public static func weekStart(_ days: Int) -> Int {
        let weekday = ((days + 3) % 7 + 7) % 7  // 0 = Monday
        return days - weekday
    }
}
