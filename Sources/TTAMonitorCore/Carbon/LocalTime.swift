#if canImport(Glibc)
import Glibc
#endif

/// Conversions between the machine's local time and UTC milliseconds. CodeCarbon writes its
/// `timestamp` column as local time without a zone (`datetime.now().strftime(...)`), and
/// reports group by local days, which is what a person on that machine means by "yesterday".
enum LocalTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff][Z|±HH:MM]` (a space may replace the `T`): local time
    /// when no zone is given. Nil for anything else.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var milliseconds = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 { milliseconds = milliseconds * 10 + Int(bytes[index] - 48) }
                digits += 1; index += 1
            }
            guard digits > 0 else { return nil }
            for _ in 0..<max(0, 3 - digits) { milliseconds *= 10 }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900); parts.tm_mon = Int32(month - 1); parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour); parts.tm_min = Int32(minute); parts.tm_sec = Int32(second)
        let seconds: Int64
        if index == bytes.count {
            parts.tm_isdst = -1
            seconds = Int64(mktime(&parts))
        } else if bytes[index] == 90, index + 1 == bytes.count {
            seconds = Int64(timegm(&parts))
        } else if bytes[index] == 43 || bytes[index] == 45, let hours = number(index + 1, 2) {
            var minutes = 0
            var next = index + 3
            if next < bytes.count, bytes[next] == 58 { next += 1 }
            if next < bytes.count { guard let value = number(next, 2), next + 2 == bytes.count else { return nil }; minutes = value }
            let offset = Int64(hours * 3_600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
            seconds = Int64(timegm(&parts)) - offset
        } else {
            return nil
        }
        return seconds * 1_000 + Int64(milliseconds)
    }

    /// `YYYY-MM-DD` of `milliseconds` in local time.
    static func day(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds.floorDivided(by: 1_000))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return format(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// Local midnight starting `day` (`YYYY-MM-DD`), in UTC milliseconds; nil when malformed.
    static func startOfDay(_ day: String) -> Int64? {
        guard day.utf8.count == 10 else { return nil }
        return parse(day + "T00:00:00")
    }

    /// The local day `offset` days after `day` (calendar arithmetic, DST-safe).
    static func addDays(_ day: String, _ offset: Int) -> String? {
        let fields = day.split(separator: "-").compactMap { Int($0) }
        guard fields.count == 3 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(fields[0] - 1900); parts.tm_mon = Int32(fields[1] - 1)
        parts.tm_mday = Int32(fields[2] + offset); parts.tm_hour = 12; parts.tm_isdst = -1
        _ = mktime(&parts)
        return format(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// Whether `text` is a valid `YYYY-MM-DD` date.
    static func isDay(_ text: String) -> Bool {
        guard let start = startOfDay(text) else { return false }
        return day(start) == text
    }

    private static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
