#if canImport(Glibc)
import Glibc
#endif

/// Milliseconds that only move forward: deadlines must not jump when the wall clock is set.
enum MonotonicClock {
    static func nowMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
    }
}
