/// Sample values and timestamps as the text formats write them.
enum PrometheusNumber {
    /// A sample value: a decimal with optional fraction and exponent (`1.445425e+06`, `-3`,
    /// `.5`), an integer of any length (beyond Int64 it becomes the nearest Double), or
    /// `NaN`, `Inf`, `+Inf`, `-Inf` in any case. The grammar is checked here rather than left
    /// to `strtod`, which would also accept hex floats, `nan(…)` and leading blanks.
    static func value(_ token: ArraySlice<UInt8>) -> Double? {
        if let special = special(token) { return special }
        guard isDecimal(token) else { return nil }
        return Double(String(decoding: token, as: UTF8.self))
    }

    /// A 0.0.4 timestamp: integer milliseconds, possibly negative, within Int64.
    static func milliseconds(_ token: ArraySlice<UInt8>) -> Int64? {
        var digits = token[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(byte - 0x30))
            guard !overflowTimes, !overflowSum else { return nil }
            magnitude = sum
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// An OpenMetrics timestamp in seconds (a decimal, never NaN or Inf), as a Double so that
    /// order can be checked even beyond the store's millisecond range.
    static func seconds(_ token: ArraySlice<UInt8>) -> Double? {
        guard isDecimal(token), let seconds = Double(String(decoding: token, as: UTF8.self)), seconds.isFinite else { return nil }
        return seconds
    }

    /// Seconds as whole milliseconds, or nil beyond what an Int64 holds (±292 million years).
    static func milliseconds(seconds: Double) -> Int64? {
        let milliseconds = (seconds * 1_000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 9.2e18 else { return nil }
        return Int64(milliseconds)
    }

    /// An `le` or `quantile` label value as OpenMetrics writes it: a decimal, `+Inf`, `-Inf`
    /// or `NaN`, in exactly that case.
    static func labelNumber(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default:
            let bytes = Array(text.utf8)
            return isDecimal(bytes[...]) ? Double(text) : nil
        }
    }

    private static func special(_ token: ArraySlice<UInt8>) -> Double? {
        guard token.count >= 3, token.count <= 9 else { return nil }
        let lowered = String(decoding: token.map { $0 | 0x20 }, as: UTF8.self)
        switch lowered {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        // `-` is 0x2D and unchanged by `| 0x20`; `+` (0x2B) likewise.
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }

    /// `[+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?`.
    static func isDecimal(_ token: ArraySlice<UInt8>) -> Bool {
        var index = token.startIndex
        let end = token.endIndex
        func digitRun() -> Int {
            let start = index
            while index < end, token[index] >= 0x30 && token[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < end, token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-") { index += 1 }
        var mantissaDigits = digitRun()
        if index < end, token[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += digitRun()
        }
        guard mantissaDigits > 0 else { return false }
        if index < end, token[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-") { index += 1 }
            guard digitRun() > 0 else { return false }
        }
        return index == end
    }
}
