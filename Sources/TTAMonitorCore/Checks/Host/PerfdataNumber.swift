/// Numbers as perfdata and messages print them: `90`, `0.5`, never `90.0`.
enum PerfdataNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A percentage for messages: `41.2%`, and whole levels plainly (`90%`, `0%`).
    static func percent(_ value: Double) -> String {
        (value == value.rounded() ? text(value) : Timestamps.formatFixed(value, digits: 1)) + "%"
    }

    /// Rounded to two decimals, for `details`.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
