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

    /// Segment end offsets (relative to `range.lowerBound`) of `text[range]`.
    func segmentEnds(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, into ends: inout [Int32]) {
        ends.removeAll(keepingCapacity: true)
        let length = range.count
        if length == 0 { return }
        let it = checkout()
        defer { checkin(it) }
        var kinds = [UInt8](repeating: 0, count: length)
        ends = [Int32](repeating: 0, count: length)
        let n = ends.withUnsafeMutableBufferPointer { e in
            kinds.withUnsafeMutableBufferPointer { k in
                shop_wb_segment(it, text.baseAddress! + range.lowerBound, Int32(length), e.baseAddress!, k.baseAddress!, Int32(length))
            }
        }
        if n < 0 {  // ICU error: one segment
            ends = [Int32(length)]
        } else {
            ends.removeLast(ends.count - Int(n))
        }
    }

    private func checkout() -> UnsafeMutableRawPointer {
        lock.lock()
        if let it = free.popLast() { lock.unlock(); return it }
        lock.unlock()
        var code: Int32 = 0
        // A failed clone is very unlikely; fall back to a fresh iterator.
        if let it = shop_wb_clone(prototype, &code) { return it }
        return shop_wb_open("zh", &code)!
    }

    private func checkin(_ it: UnsafeMutableRawPointer) {
        lock.lock()
        if free.count < maxPooled { free.append(it); lock.unlock() } else { lock.unlock(); shop_wb_close(it) }
    }
}
