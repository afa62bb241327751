#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time, for benchmarks that report CPU beside wall time (on a machine shared with
/// other jobs, CPU seconds say more about our own cost than the wall clock does).
public enum CPUClock {
    /// CPU seconds used by this process so far (every thread).
    public static func processSeconds() -> Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    /// CPU seconds used by the calling thread so far.
    public static func threadSeconds() -> Double { seconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
