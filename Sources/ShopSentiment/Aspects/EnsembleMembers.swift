import Foundation
import ShopCore

/// Ensemble files (aspect-polarity models, term taggers) keep each member as a whole model
/// archive inside a byte tensor `member.1`, `member.2`, …, so one file holds the ensemble and a
/// member reads like a model of its own.
enum EnsembleMembers {
    static func tensorName(_ i: Int) -> String { "member.\(i)" }

    /// Member `i` (1-based) of `archive`, read from `path`, whose metadata says `declared`
    /// members: its archive, checked to be of `kind`, and the name errors inside it should carry
    /// (`path#member.i`).
    static func archive(_ i: Int, of archive: ModelArchive, path: String, declared: Int, kind: String) throws -> (archive: ModelArchive, file: String) {
        let name = tensorName(i), file = path + "#" + name
        let bytes: [UInt8]
        do { bytes = try archive.bytes(named: name) } catch {
            throw SentimentError.modelFile(path: path, reason: "says \(declared) ensemble members but has no \(name) tensor")
        }
        let inner = try ModelArchive.decode(Data(bytes), file: file)
        try inner.expectKind(kind)
        return (inner, file)
    }
}
