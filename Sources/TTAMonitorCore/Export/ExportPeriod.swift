#if canImport(Glibc)
import Glibc
#endif

/// The half-open period `[since, until)` an export covers, in ms since the epoch (UTC).
public struct ExportPeriod: Sendable, Equatable {
    /// Start, inclusive.
    public var since: Int64
    /// End, exclusive.
    public var until: Int64

    /// The default when neither end is given: the last 24 hours.
    public static let defaultLengthMs: Int64 = 86_400_000

    /// Creates a period.
    public init(since: Int64, until: Int64) {
        self.since = since
        self.until = until
    }

    /// Parses `--since`/`--until`. Each may be RFC 3339 (`2026-11-23T10:00:00Z`, offsets
    /// allowed), a UTC date `YYYY-MM-DD` (its midnight), or a duration (`24h`, `7d`) meaning
    /// that long before `now`. A missing `until` is `now`; a missing `since` is 24 hours
    /// before `until`.
    public static func parse(since: String?, until: String?, now: Int64) -> Result<ExportPeriod, PeriodError> {
        let end: Int64
        if let until {
            guard let value = time(until, now: now) else { return .failure(PeriodError(option: "until", value: until)) }
            end = value
        } else {
            end = now
        }
        let start: Int64
        if let since {
            guard let value = time(since, now: now) else { return .failure(PeriodError(option: "since", value: since)) }
            start = value
        } else {
            start = end - defaultLengthMs
        }
        guard start < end else { return .failure(PeriodError(option: "since", value: since ?? "", reversed: true)) }
        return .success(ExportPeriod(since: start, until: end))
    }

    /// A time given on the command line, in ms since the epoch; nil when malformed.
    static func time(_ text: String, now: Int64) -> Int64? {
        if let duration = DurationParser.parse(text), duration >= .zero, text.first?.isNumber == true,
           text.contains(where: \.isLetter) {
            return now - duration.milliseconds
        }
        return RFC3339Parser.milliseconds(text)
    }

    /// A malformed or reversed period.
    public struct PeriodError: Error, Sendable {
        /// `since` or `until`.
        public var option: String
        /// The value given.
        public var value: String
        /// True when both parsed but the start is not before the end.
        public var reversed = false

        /// The usage message.
        public var message: String {
            reversed
                ? "The period is empty: '--since' must be before '--until'."
                : "The value '\(value)' is invalid for '--\(option) <time>'. Use RFC 3339 (2026-11-23T08:00:00Z), "
                    + "a date (2026-11-23) or a duration ago (24h, 7d)."
        }
    }
}
