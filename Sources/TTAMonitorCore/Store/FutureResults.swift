/// Results stamped later than "now": stored while the clock ran ahead (a wrong RTC at boot, a
/// bad NTP step) and then corrected. Such a timestamp is no evidence that a component was
/// checked recently, so `status` treats it as stale and alert rules leave it out; otherwise
/// it would read "0s ago" for as long as the skew lasts and `absent`/`for:` rules never fire.
public enum FutureResults {
    /// How far ahead of this clock a stored timestamp may be and still count as now: clocks
    /// of one host agree to well under a second, a minute leaves room for a slow NTP slew.
    public static let toleranceMs: Int64 = 60_000

    /// The latest timestamp still believed at `now`.
    public static func horizon(now: Int64) -> Int64 { now + toleranceMs }

    /// Whether `timestamp` lies beyond the horizon at `now`.
    public static func isFromFuture(_ timestamp: Int64, now: Int64) -> Bool { timestamp > horizon(now: now) }
}
