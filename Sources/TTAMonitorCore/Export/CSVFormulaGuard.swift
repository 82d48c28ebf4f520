/// Keeps spreadsheets from running CSV cells. Excel, LibreOffice and Google Sheets evaluate a
/// cell that begins with `=`, `+`, `-` or `@` (TAB and CR too, which some skip before looking)
/// as a formula, so a check message such as `=HYPERLINK(...)` from a target, or a CodeCarbon
/// project name, would run on the analyst's machine. OWASP's rule: such a cell gets a leading
/// `'`, which spreadsheets take as "text" and do not show. A cell that is a plain number
/// (`-1.5`, `+3`, `-2e-3`) is left alone: it is data, and spreadsheets read it as a number.
enum CSVFormulaGuard {
    /// Whether `bytes` (one unquoted cell) must be written with a leading `'`.
    static func needsPrefix(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(bytes)
        default: return false
        }
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]` with at least one digit before the exponent.
    private static func isPlainNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 1
        var mantissaDigits = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        while index < bytes.count, isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == bytes.count
    }
}
