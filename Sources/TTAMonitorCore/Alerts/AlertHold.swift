/// A rule's `for:`: how long a condition must hold before the alert fires, either as a
/// number of consecutive stored results (`3 checks`) or as a duration (`5m`).
public enum AlertHold: Sendable, Equatable {
    /// Fires when the Nth consecutive bad result is stored.
    case checks(Int)
    /// Fires once the bad streak is at least this old.
    case duration(Duration)

    /// `N check(s)` or a duration; nil when neither.
    static func parse(_ text: String) -> AlertHold? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 2, words[1] == "checks" || words[1] == "check" || words[1] == "results" || words[1] == "result",
           let count = Int(words[0]), count >= 1 {
            return .checks(count)
        }
        return DurationParser.parse(text).map { .duration($0) }
    }

    /// As written in the config.
    var text: String {
        switch self {
        case .checks(let count): count == 1 ? "1 check" : "\(count) checks"
        case .duration(let duration): DurationParser.format(duration)
        }
    }

    /// Reads `for` from `reader`; `defaultHold` when absent.
    static func read(_ reader: inout MappingReader, default defaultHold: AlertHold) throws(ConfigError) -> AlertHold {
        guard let node = reader.node("for") else { return defaultHold }
        let text = try reader.string(node, path: reader.keyPath("for"))
        guard let hold = parse(text) else {
            throw reader.error("'\(reader.keyPath("for"))' must be a number of checks ('3 checks') or a duration ('5m'), got '\(text)'", at: node)
        }
        if case .duration(let duration) = hold, duration < .zero {
            throw reader.error("'\(reader.keyPath("for"))' must not be negative", at: node)
        }
        return hold
    }

    /// Judges a streak of bad samples (newest first, each its timestamp; the streak ends at
    /// the first good sample): inactive when there is none, pending until the hold is met,
    /// firing after. `since` is the streak's oldest sample.
    func judge(streak: [Int64], now: Int64) -> (state: AlertObservation.State, since: Int64?) {
        guard let oldest = streak.last else { return (.inactive, nil) }
        switch self {
        case .checks(let count):
            return (streak.count >= count ? .firing : .pending, oldest)
        case .duration(let duration):
            return (now - oldest >= duration.milliseconds ? .firing : .pending, oldest)
        }
    }

    /// How many of the newest samples are enough to decide (a scan may stop there).
    var scanLimit: Int {
        switch self {
        case .checks(let count): count
        case .duration: 100_000
        }
    }
}
