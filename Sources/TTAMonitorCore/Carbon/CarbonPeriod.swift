/// The span a report covers: whole local days (`--day`) or `[since, until)` (`--since`,
/// `--until`). Days are local days of the machine running the report.
struct CarbonPeriod: Sendable, Equatable {
    var since: Int64
    var until: Int64
    /// First and last local day touched.
    var firstDay: String
    var lastDay: String
    /// True for a `--day` report (rows are selected by `local_day`).
    var isDay: Bool

    /// One local day: `YYYY-MM-DD`, `today` or `yesterday`.
    static func day(_ text: String, now: Int64) -> CarbonPeriod? {
        let today = LocalTime.day(now)
        let day: String
        switch text {
        case "today": day = today
        case "yesterday": guard let value = LocalTime.addDays(today, -1) else { return nil }; day = value
        default: guard LocalTime.isDay(text) else { return nil }; day = text
        }
        guard let start = LocalTime.startOfDay(day), let next = LocalTime.addDays(day, 1),
              let end = LocalTime.startOfDay(next) else { return nil }
        return CarbonPeriod(since: start, until: end, firstDay: day, lastDay: day, isDay: true)
    }

    /// `[since, until)`; `until` defaults to now.
    static func range(since: Int64, until: Int64) -> CarbonPeriod {
        CarbonPeriod(since: since, until: until, firstDay: LocalTime.day(since),
                     lastDay: LocalTime.day(max(since, until - 1)), isDay: false)
    }

    /// A time for `--since`/`--until`: `YYYY-MM-DD` (local midnight), a date and time
    /// (local unless it carries `Z` or an offset), `now`, or a duration meaning that long ago.
    static func instant(_ text: String, now: Int64) -> Int64? {
        if text == "now" { return now }
        if text.utf8.count == 10, LocalTime.isDay(text) { return LocalTime.startOfDay(text) }
        if let value = LocalTime.parse(text) { return value }
        if let duration = DurationParser.parse(text) { return now - duration.milliseconds }
        return nil
    }

    /// Every local day from `firstDay` to `lastDay`.
    var days: [String] {
        var result: [String] = []
        var day = firstDay
        while day <= lastDay, result.count < 3_700 {
            result.append(day)
            guard let next = LocalTime.addDays(day, 1) else { break }
            day = next
        }
        return result
    }

    /// The seven local days before the period, for the baseline.
    var baselineDays: (first: String, last: String)? {
        guard let last = LocalTime.addDays(firstDay, -1), let first = LocalTime.addDays(firstDay, -7) else { return nil }
        return (first, last)
    }
}
