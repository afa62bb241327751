import Foundation

/// Numbers for slot and condition keys, given when templates are parsed, so that a
/// context's per-key caches are arrays indexed by number rather than dictionaries hashed by
/// the key's bytes: every template line asks again, for every product.
///
/// Keys that `SlotContext.normalise` makes equal share a number, and so do normalised
/// spellings `String` finds equal (canonical equivalence), as the `String`-keyed lookups of
/// a context (derived slots, built-in names) treat them alike.
enum SlotKeys {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    /// The number of `key` (any spelling), given on first use. Thread-safe: templates are
    /// parsed on several threads.
    static func number(_ key: String) -> Int {
        let k = SlotContext.normalise(key)
        lock.lock()
        defer { lock.unlock() }
        if let n = numbers[k] { return n }
        let n = numbers.count
        numbers[k] = n
        return n
    }
}
