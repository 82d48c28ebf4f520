#if canImport(Glibc)
import Glibc
#endif

/// When a daily job next runs, on the local clock, through daylight saving changes: a time
/// the clock skips (02:30 on the spring-forward night) runs once at the first minute after
/// the gap; a time the clock shows twice (01:30 on the fall-back night) runs once, because
/// a job runs at most once per local day.
enum DailyJobClock {
    /// The first run of `time` after `now` (ms since the Unix epoch) on a local day other
    /// than `ranOn` (a `localDay`), in ms.
    static func next(_ time: DailyTime, after now: Int64, ranOn: Int? = nil) -> Int64 {
        var offset = 0
        while true {
            let candidate = occurrence(of: time, daysAfter: offset, dayOf: now)
            if candidate > now, localDay(candidate) != ranOn { return candidate }
            offset += 1
        }
    }

    /// The local day of `instant` as `yyyymmdd`.
    static func localDay(_ instant: Int64) -> Int {
        let parts = local(instant)
        return Int(parts.tm_year + 1_900) * 10_000 + Int(parts.tm_mon + 1) * 100 + Int(parts.tm_mday)
    }

    /// `time` on the local day `days` after the day of `instant`; the first minute after a
    /// gap when the clock skips it.
    static func occurrence(of time: DailyTime, daysAfter days: Int, dayOf instant: Int64) -> Int64 {
        var parts = local(instant)
        parts.tm_mday += Int32(days)
        parts.tm_hour = 12   // noon exists every day: normalises the date first
        parts.tm_min = 0
        parts.tm_sec = 0
        parts.tm_isdst = -1
        var noon = parts
        _ = mktime(&noon)
        let wanted = key(year: noon.tm_year, month: noon.tm_mon, day: noon.tm_mday, hour: Int32(time.hour), minute: Int32(time.minute))
        noon.tm_hour = Int32(time.hour)
        noon.tm_min = Int32(time.minute)
        noon.tm_isdst = -1
        let guess = Int64(mktime(&noon)) * 1_000
        if minuteKey(guess) == wanted { return guess }
        // Skipped: find the first minute whose local reading is at or after the wanted one.
        var low = guess - 4 * 3_600_000, high = guess + 4 * 3_600_000
        while high - low > 60_000 {
            let middle = low + (high - low) / 2 / 60_000 * 60_000
            if minuteKey(middle) >= wanted { high = middle } else { low = middle }
        }
        return high
    }

    private static func local(_ instant: Int64) -> tm {
        var seconds = time_t(instant / 1_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return parts
    }

    private static func minuteKey(_ instant: Int64) -> Int64 {
        let parts = local(instant)
        return key(year: parts.tm_year, month: parts.tm_mon, day: parts.tm_mday, hour: parts.tm_hour, minute: parts.tm_min)
    }

    private static func key(year: Int32, month: Int32, day: Int32, hour: Int32, minute: Int32) -> Int64 {
        (((Int64(year) * 13 + Int64(month)) * 32 + Int64(day)) * 24 + Int64(hour)) * 60 + Int64(minute)
    }
}
