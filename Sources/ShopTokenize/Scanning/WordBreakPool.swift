import Foundation
import ShopICU

/// ICU word break iterators are not thread-safe, and opening one is slow: keep a small
/// lock-protected pool of clones of one opened prototype.
final class WordBreakPool: @unchecked Sendable {
    private let prototype: UnsafeMutableRawPointer
    private var free: [UnsafeMutableRawPointer] = []
    private let lock = NSLock()
    private let maxPooled = 16

    init(locale: String) throws {
        var code: Int32 = 0
        guard let it = shop_wb_open(locale, &code) else { throw TokenizerError.icu(function: "ubrk_open", code: code) }
        prototype = it
    }

    deinit {
        for it in free { shop_wb_close(it) }
        shop_wb_close(prototype)
    }

    /// Segment end offsets (relative to `range.lowerBound`) of `text[range]` into `ends`.
    func segmentEnds(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, into ends: inout [Int32]) {
        let it = checkout()
        Self.segmentEnds(it, text, range, into: &ends)
        checkin(it)
    }

    /// The same with an iterator the caller has checked out.
    static func segmentEnds(_ it: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                            into ends: inout [Int32]) {
        let length = range.count
        ends.removeAll(keepingCapacity: true)
        if length == 0 { return }
        ends.append(contentsOf: repeatElement(0, count: length))
        let n = ends.withUnsafeMutableBufferPointer { e in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { k in
                shop_wb_segment(it, text.baseAddress! + range.lowerBound, Int32(length), e.baseAddress!, k.baseAddress!, Int32(length))
            }
        }
        if n < 0 {  // ICU error: one segment
            ends.removeAll(keepingCapacity: true)
            ends.append(Int32(length))
        } else {
            ends.removeLast(ends.count - Int(n))
        }
    }

    /// An iterator for this thread's exclusive use until `checkin`.
    func checkout() -> UnsafeMutableRawPointer {
        lock.lock()
        if let it = free.popLast() { lock.unlock(); return it }
        lock.unlock()
        var code: Int32 = 0
        // A failed clone is very unlikely; fall back to a fresh iterator.
        if let it = shop_wb_clone(prototype, &code) { return it }
        return shop_wb_open("zh", &code)!
    }

    func checkin(_ it: UnsafeMutableRawPointer) {
        lock.lock()
        if free.count < maxPooled { free.append(it); lock.unlock() } else { lock.unlock(); shop_wb_close(it) }
    }
}
