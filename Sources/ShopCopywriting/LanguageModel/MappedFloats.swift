#if canImport(Glibc)
import Glibc
#endif

/// Floats in anonymous memory mapped at full size up front, for the prefix cache's node
/// states.
///
/// Why: the node arrays grew by doubling, and every doubling allocated fresh pages and
/// copied the old ones into them, about 4% of Chinese `describe` in page faults and copies.
/// A mapping reserves address space only: a page costs something when it is first
/// written, the kernel hands it over zero-filled, and nothing is ever copied (zh 1,070
/// records: 41k page faults → 25k, 2.25 → 2.15 s of CPU). Not advised for transparent huge
/// pages: that cut the faults to 12k but took more CPU than the doubling arrays did (2.39 s
/// against 2.33).
///
/// Reads of floats never written give 0. Not thread-safe.
final class MappedFloats {
    private(set) var base: UnsafeMutablePointer<Float>
    private(set) var count: Int
    /// Whether `base` is a mapping (false: the heap fallback where mapping failed).
    private var mapped: Bool

    init(count: Int) {
        (base, mapped) = Self.allocate(max(1, count))
        self.count = max(1, count)
    }

    /// Room for `newCount` floats, the first `count` kept (rare: a single batch larger
    /// than the cache's limit).
    func grow(to newCount: Int) {
        guard newCount > count else { return }
        let (fresh, freshMapped) = Self.allocate(newCount)
        fresh.update(from: base, count: count)
        Self.release(base, count: count, mapped: mapped)
        (base, mapped, count) = (fresh, freshMapped, newCount)
    }

    deinit { Self.release(base, count: count, mapped: mapped) }

    private static func allocate(_ n: Int) -> (UnsafeMutablePointer<Float>, Bool) {
        #if canImport(Glibc)
        let bytes = n * MemoryLayout<Float>.stride
        if let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            return (p.bindMemory(to: Float.self, capacity: n), true)
        }
        #endif
        let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
        p.initialize(repeating: 0, count: n)
        return (p, false)
    }

    private static func release(_ p: UnsafeMutablePointer<Float>, count: Int, mapped: Bool) {
        #if canImport(Glibc)
        if mapped { _ = munmap(p, count * MemoryLayout<Float>.stride); return }
        #endif
        p.deallocate()
    }
}
