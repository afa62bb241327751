/// One TSV/CSV record split into columns: the line it starts on, the byte offset just
/// past it, and its fields (already decoded).
struct ColumnRow {
    var line: Int
    var endOffset: Int64
    var columns: [String]
}
