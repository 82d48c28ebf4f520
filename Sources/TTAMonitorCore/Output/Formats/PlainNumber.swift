/// Decimal text without exponent notation. Swift prints `1e-07` and `1e+16`, which Nagios
/// perfdata parsers and some graphers reject; these spell the same value out positionally.
enum PlainNumber {
    /// `value` in its shortest round-tripping digits, written positionally
    /// (`0.0000001`, `10000000000000000`, `0.4`, `12`). Non-finite values give `NaN`,
    /// `+Inf` or `-Inf`; callers whose format has no spelling for them must not pass them.
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        if value == 0 { return "0" }
        let description = "\(value.magnitude)"
        let parts = description.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = Array(mantissa[0])
        let digits = integerDigits + (mantissa.count > 1 ? Array(mantissa[1]) : [])
        let point = integerDigits.count + exponent
        var whole: [Character]
        var fraction: [Character]
        if point <= 0 {
            whole = ["0"]
            fraction = Array(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            whole = digits + Array(repeating: "0", count: point - digits.count)
            fraction = []
        } else {
            whole = Array(digits[..<point])
            fraction = Array(digits[point...])
        }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        let sign = value < 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + String(fraction))
    }

    /// `value` rounded to at most `digits` decimals, then as `text(_:)`.
    static func text(_ value: Double, maximumFractionDigits digits: Int) -> String {
        guard value.isFinite else { return text(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return text(rounded.isFinite ? rounded : value)
    }
}
