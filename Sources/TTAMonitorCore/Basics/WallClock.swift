#if canImport(Glibc)
import Glibc
#endif

/// Reads the real-time clock for timestamps that are stored and compared across processes.
public enum WallClock {
    /// Milliseconds since the Unix epoch, UTC.
    public static func nowMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000
    }
}

/// Measures elapsed time on the monotonic clock, immune to wall-clock jumps.
public struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    /// Starts timing now.
    public init() {}

    /// Elapsed milliseconds as a fraction.
    public var elapsedMilliseconds: Double {
        let elapsed = ContinuousClock.now - start
        return elapsed.seconds * 1_000
    }
}
