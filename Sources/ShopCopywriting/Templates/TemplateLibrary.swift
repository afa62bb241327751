import Foundation
import ShopData
import ShopCore

/// All templates of a folder, and which of them apply to a product.
///
/// Layout: `<dir>/<lang>/*.tmpl`. Templates with `@match` conditions are specific; those with
/// `@fallback` are the generic set, used when no specific template for the language applies.
public struct TemplateLibrary: Sendable {
    public var templates: [Template]
    /// Per language: what fixed wording may claim (`<lang>/claims.txt`).
    public var claims: [Language: ClaimsTable]
    /// Per language: noise attribute values and where they belong (`<lang>/cleaning.txt`).
    public var cleaning: [Language: CleaningLexicon]

    public init(templates: [Template], claims: [Language: ClaimsTable] = [:], cleaning: [Language: CleaningLexicon] = [:]) {
        self.templates = templates
        self.claims = claims
        self.cleaning = cleaning
    }

    /// Loads every `.tmpl` file below `directory`, sorted by path so runs are reproducible.
    public static func load(directory: String) throws -> TemplateLibrary {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw DataError(file: directory, reason: "template folder not found")
        }
        guard let walker = fm.enumerator(atPath: directory) else {
            throw DataError(file: directory, reason: "cannot list the template folder")
        }
        var paths: [String] = []
        for case let rel as String in walker where rel.hasSuffix(".tmpl") { paths.append(rel) }
        var files: [(path: String, text: String)] = []
        for rel in paths.sorted() {
            let path = (directory as NSString).appendingPathComponent(rel)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw DataError(file: path, reason: "cannot read as UTF-8")
            }
            files.append((path, text))
        }
        // Files are parsed side by side, each claimed by the next free thread: the three large
        // Chinese ones were most of a short `describe`'s start-up. The first bad file in
        // name order is the one reported, as when they were parsed in turn.
        let parsed = ResultSlots<Result<Template, Error>>(count: files.count)
        let read = files
        DispatchQueue.concurrentPerform(iterations: read.count) { i in
            parsed.set(i, Result { try TemplateParser.parse(read[i].text, file: read[i].path) })
        }
        let templates = try parsed.values().map { try $0.get() }
        guard !templates.isEmpty else { throw DataError(file: directory, reason: "no .tmpl files") }
        var claims: [Language: ClaimsTable] = [:], cleaning: [Language: CleaningLexicon] = [:]
        for lang in Language.allCases {
            let dir = (directory as NSString).appendingPathComponent(lang.rawValue)
            let c = (dir as NSString).appendingPathComponent("claims.txt")
            if let data = fm.contents(atPath: c) {
                guard let text = String(data: data, encoding: .utf8) else { throw DataError(file: c, reason: "cannot read as UTF-8") }
                claims[lang] = try ClaimsTable.parse(text, file: c)
            }
            let l = (dir as NSString).appendingPathComponent("cleaning.txt")
            if let data = fm.contents(atPath: l) {
                guard let text = String(data: data, encoding: .utf8) else { throw DataError(file: l, reason: "cannot read as UTF-8") }
                cleaning[lang] = try CleaningLexicon.parse(text, file: l)
            }
        }
        return TemplateLibrary(templates: templates, claims: claims, cleaning: cleaning)
    }

    /// The shipped templates in `Corpora/templates/`.
    public static func loadDefault() throws -> TemplateLibrary {
        try load(directory: ResourcePaths.packageFolder("Corpora/templates"))
    }

    /// Templates for a product: the specific ones whose `@match` conditions all hold, else
    /// the language's fallback set.
    public func applicable(to record: ProductRecord, language: Language) -> [Template] {
        let context = SlotContext(record: record, language: language)
        let own = templates.filter { $0.language == language }
        let specific = own.filter { !$0.isFallback && !$0.matches.isEmpty && $0.matches.allSatisfy { $0.holds(in: context) } }
        if !specific.isEmpty { return specific }
        return own.filter { $0.isFallback }
    }
}
