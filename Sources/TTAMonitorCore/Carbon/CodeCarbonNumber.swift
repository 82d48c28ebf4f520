/// The numbers an emissions file may hold: plain decimals as Python's `repr(float)` writes
/// them (`12.5`, `1.2e-05`), within bounds that keep every sum finite. Hex (`0x1p3`), `inf`,
/// `nan`, negative quantities and absurd magnitudes are refused: one such row would hide a
/// threshold breach or turn a day's total into null.
enum CodeCarbonNumber {
    /// The largest magnitude accepted for any column (1e12 kWh, kg, s, W …, far beyond any
    /// real run): even billions of such rows add up to a finite total.
    static let maximum = 1e12

    /// The value of `text` for `column`, or why it is refused.
    static func parse(_ text: String, column: CodeCarbonColumn) -> Result<Double, Refusal> {
        guard isDecimal(text), let number = Double(text), number.isFinite else {
            return .failure(Refusal("\(column.rawValue) '\(text)' is not a number"))
        }
        if let range = column.allowedRange {
            guard range.contains(number) else {
                return .failure(Refusal("\(column.rawValue) '\(text)' is outside \(format(range.lowerBound)) to \(format(range.upperBound))"))
            }
            return .success(number)
        }
        guard number >= 0 else { return .failure(Refusal("\(column.rawValue) '\(text)' is negative")) }
        guard number <= maximum else { return .failure(Refusal("\(column.rawValue) '\(text)' is above \(format(maximum))")) }
        return .success(number)
    }

    /// Why a number is refused, as the row's error says it.
    struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// `[+-]digits[.digits][e[+-]digits]` or `[+-].digits…`: what Python prints for a float.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction = bytes[bytes.startIndex..<bytes.startIndex]
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit)
            bytes = bytes.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit)
            guard !exponent.isEmpty, exponent.count <= 4 else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }

    private static func format(_ value: Double) -> String { JSONWriter.format(value) }
}

extension CodeCarbonColumn {
    /// Columns that may be negative, with their range; every other numeric column is a
    /// non-negative quantity (energy, emissions, duration, power, counts, PUE).
    var allowedRange: ClosedRange<Double>? {
        switch self {
        case .latitude: -90...90
        case .longitude: -180...180
        default: nil
        }
    }
}
