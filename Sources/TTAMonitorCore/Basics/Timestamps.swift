#if canImport(Glibc)
import Glibc
#endif

/// Formats times for people (ages) and machines (RFC 3339 UTC).
public enum Timestamps {
    /// `2026-11-23T10:34:00.123Z`: RFC 3339 in UTC with milliseconds, as every JSON document uses.
    public static func rfc3339(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds.floorDivided(by: 1_000))
        let fraction = milliseconds - Int64(seconds) * 1_000
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(Int(fraction), 3))Z"
    }

    /// A compact age for tables: `45s`, `12m`, `3h`, `5d`.
    public static func age(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1_000)
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7_200 { return "\(seconds / 60)m" }
        if seconds < 172_800 { return "\(seconds / 3_600)h" }
        return "\(seconds / 86_400)d"
    }

    /// Latency for tables: `0.4 ms`, `12 ms`, `1.3 s`.
    public static func latency(_ milliseconds: Double?) -> String {
        guard let milliseconds else { return "-" }
        if milliseconds < 10 { return formatFixed(milliseconds, digits: 1) + " ms" }
        if milliseconds < 1_000 { return "\(Int(milliseconds.rounded())) ms" }
        return formatFixed(milliseconds / 1_000, digits: 1) + " s"
    }

    /// A number with exactly `digits` decimals (no Foundation formatter needed).
    public static func formatFixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled) - whole * Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + pad(Int(fraction), digits)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Int64 {
    /// Division rounding towards negative infinity (times before 1970 stay correct).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
