/// Resolves which columns of a TSV/CSV row hold the text and the label (by header name
/// or 1-based column number) and builds `TextRecord`s from rows.
struct ColumnMapping {
    let file: String
    let header: [String]?
    let textIndex: Int
    let textName: String
    let labelIndex: Int?
    let labelName: String?

    /// Resolves the selectors; the error names the header's columns when a name is missing.
    init(file: String, header: [String]?, headerLine: Int?, text: FieldSelector, label: FieldSelector?) throws {
        self.file = file
        self.header = header
        func resolve(_ sel: FieldSelector, role: String) throws -> (Int, String) {
            switch sel {
            case .column(let c):
                let name = header.flatMap { c <= $0.count ? $0[c - 1] : nil } ?? "column \(c)"
                return (c - 1, name)
            case .name(let n):
                guard let header else {
                    throw DataError(file: file, line: headerLine, field: n,
                                    reason: "the \(role) field is a name but the input has no header row; give a column number or read with a header")
                }
                guard let k = header.firstIndex(of: n) else {
                    throw DataError(file: file, line: headerLine, field: n,
                                    reason: "no \(role) column named '\(n)' (columns: \(header.joined(separator: ", ")))")
                }
                return (k, n)
            }
        }
        (textIndex, textName) = try resolve(text, role: "text")
        if let label {
            let (k, n) = try resolve(label, role: "label")
            labelIndex = k
            labelName = n
        } else {
            labelIndex = nil
            labelName = nil
        }
    }

    /// The record for a row, or an error when the row lacks a needed column.
    func record(_ row: ColumnRow) -> Result<TextRecord, DataError> {
        let cols = row.columns
        if let header, cols.count != header.count {
            return .failure(DataError(file: file, line: row.line,
                                      reason: "\(cols.count) fields, but the header has \(header.count)"))
        }
        guard textIndex < cols.count else {
            let hint = cols.count == 1 && header == nil ? " (no tab on this line?)" : ""
            return .failure(DataError(file: file, line: row.line, field: textName,
                                      reason: "\(cols.count) field\(cols.count == 1 ? "" : "s"), no \(textName)\(hint)"))
        }
        var label: String?
        if let labelIndex {
            guard labelIndex < cols.count else {
                return .failure(DataError(file: file, line: row.line, field: labelName,
                                          reason: "\(cols.count) field\(cols.count == 1 ? "" : "s"), no \(labelName ?? "label")"))
            }
            label = cols[labelIndex]
        }
        var fields: [String: String] = [:]
        if let header {
            fields.reserveCapacity(header.count)
            for (k, name) in header.enumerated() where fields[name] == nil { fields[name] = cols[k] }
        } else if cols.count > 2 || (labelIndex == nil && cols.count > 1) {
            // Keep extra columns reachable by number ("1", "2", …).
            for (k, c) in cols.enumerated() { fields[String(k + 1)] = c }
        }
        return .success(TextRecord(line: row.line, text: cols[textIndex], label: label, fields: fields))
    }
}
