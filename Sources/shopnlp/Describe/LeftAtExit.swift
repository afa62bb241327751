/// Values a command leaves for the operating system to reclaim when the process exits,
/// instead of freeing them piece by piece on its way out.
///
/// Why: `describe` holds the parsed templates, their expansions and the LMs' prefix caches;
/// releasing them one object at a time took about 10 ms at the end of every run (1% of
/// describing 1,070 records, in a profile), for memory the exit frees anyway.
enum LeftAtExit {
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Keeps `value` alive until the process ends.
    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
