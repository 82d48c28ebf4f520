/// The YAML 1.2 core schema: which plain scalars are null, bool, int or float, and what the
/// supported `!!` tags demand. YAML 1.1 spellings (`yes`, `on`, `5_000`, `0b1010`) are strings
/// here, and `0777` is the decimal 777 (1.1 read it as octal 511); the typed config layer decides
/// whether a boolean field accepts them, and says what to write for a 1.1 integer.
enum YAMLCoreSchema {
    /// The tags the subset honours.
    static let supportedTags: Set<String> = ["!!str", "!!int", "!!float", "!!bool", "!!null"]

    /// How a text reads under the core schema; `overflow` for an integer that fits no Int64.
    enum Reading: Equatable {
        case value(YAMLCoreValue)
        case overflow
    }

    /// Resolves a plain scalar.
    static func read(_ text: String) -> Reading {
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .value(.float(.infinity))
        case "-.inf", "-.Inf", "-.INF": return .value(.float(-.infinity))
        case ".nan", ".NaN", ".NAN": return .value(.float(.nan))
        default: break
        }
        let scalars = Array(text.unicodeScalars)
        if let integer = readInteger(scalars) { return integer }
        if let float = readFloat(scalars) { return .value(.float(float)) }
        return .value(.string(text))
    }

    /// The value for `text` under an explicit supported `tag`; nil when the text does not fit it.
    static func read(_ text: String, tag: String) -> YAMLCoreValue? {
        if tag == "!!str" { return .string(text) }
        guard case .value(let value) = read(text) else { return nil }
        switch (tag, value) {
        case ("!!null", .null), ("!!bool", .bool), ("!!int", .int), ("!!float", .float): return value
        case ("!!float", .int(let integer)): return .float(Double(integer))
        default: return nil
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    private static func readInteger(_ scalars: [Unicode.Scalar]) -> Reading? {
        let text = String(String.UnicodeScalarView(scalars))
        if scalars.count > 2, scalars[0] == "0", scalars[1] == "o" || scalars[1] == "x" {
            let radix = scalars[1] == "o" ? 8 : 16
            let digits = scalars.dropFirst(2)
            let valid = digits.allSatisfy { radix == 8 ? ("0"..."7").contains($0) : $0.properties.isASCIIHexDigit }
            guard valid else { return nil }
            guard let value = Int64(String(String.UnicodeScalarView(digits)), radix: radix) else { return .overflow }
            return .value(.int(value))
        }
        var digits = scalars[...]
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        guard let value = Int64(text) else { return .overflow }
        return .value(.int(value))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (the infinities and NaN are above).
    private static func readFloat(_ scalars: [Unicode.Scalar]) -> Double? {
        var index = 0
        func digitRun() -> Int {
            let start = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            return index - start
        }
        var normalized = String.UnicodeScalarView()
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" {
            normalized.append(scalars[index])
            index += 1
        }
        let integerStart = index
        let integerDigits = digitRun()
        normalized.append(contentsOf: integerDigits == 0 ? ["0"] : scalars[integerStart..<index])
        var fractionDigits = 0
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let fractionStart = index
            fractionDigits = digitRun()
            normalized.append(".")
            normalized.append(contentsOf: fractionDigits == 0 ? ["0"] : scalars[fractionStart..<index])
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            let exponentStart = index
            index += 1
            if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
            guard digitRun() > 0 else { return nil }
            normalized.append(contentsOf: scalars[exponentStart..<index])
        }
        guard index == scalars.count else { return nil }
        // Swift's parser is correctly rounded, but accepts more than YAML does ("1.", ".5" it
        // takes; "nan", hex floats too) — hence the hand check above and the normalized spelling.
        return Double(String(normalized))
    }
}
