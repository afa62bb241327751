/// Raw copies of one ALS half-step's inputs that worker threads share. Each worker
/// writes only its own rows of `target`, so the unchecked Sendable is sound.
final class SolveInputs: @unchecked Sendable {
    let target: UnsafeMutablePointer<Float>
    let fixed: UnsafeMutablePointer<Float>
    let gram: UnsafeMutablePointer<Float>
    let start: UnsafeMutablePointer<Int>
    let cols: UnsafeMutablePointer<Int32>
    let conf: UnsafeMutablePointer<Float>
    private let targetCount: Int

    init(target: inout [Float], fixed: [Float], gram: [Float], start: [Int], cols: [Int32], conf: [Float]) {
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
            if !a.isEmpty { _ = a.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: a.count) } }
            return p
        }
        targetCount = target.count
        self.target = copy(target)
        self.fixed = copy(fixed)
        self.gram = copy(gram)
        self.start = copy(start)
        self.cols = copy(cols)
        self.conf = copy(conf)
    }

    /// Copies the solved rows back and frees everything.
    func release(into out: inout [Float]) {
        out = Array(UnsafeBufferPointer(start: target, count: targetCount))
        target.deallocate(); fixed.deallocate(); gram.deallocate()
        start.deallocate(); cols.deallocate(); conf.deallocate()
    }
}
