/// Parses monitoring-plugins performance data:
/// `'label with spaces'=value[UOM];[warn];[crit];[min];[max]`, items separated by spaces.
///
/// Plugins in the wild print all sorts of near-misses, so the parser is lenient where the
/// meaning is still clear (missing trailing fields, unknown units) and skips an item it
/// cannot read instead of failing the whole line. It works on an array of Unicode scalars
/// with plain integer indices: any input, however mangled, only ever ends a loop early.
public enum PerfdataParser {
    /// Every item of `text` that parses; malformed ones are left out.
    public static func parse(_ text: String) -> [PerfdataItem] {
        let scalars = Array(text.unicodeScalars)
        var items: [PerfdataItem] = []
        var index = 0
        while index < scalars.count {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else { break }
            var label = String.UnicodeScalarView()
            if scalars[index] == "'" {
                // Quoted: may hold spaces and '='; a doubled quote stands for one quote.
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            label.append("'")
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    label.append(scalars[index])
                    index += 1
                }
                guard closed else { break }
            } else {
                while index < scalars.count, scalars[index] != "=", !isSpace(scalars[index]) {
                    label.append(scalars[index])
                    index += 1
                }
            }
            let hasEquals = index < scalars.count && scalars[index] == "="
            if hasEquals { index += 1 }
            var token = String.UnicodeScalarView()
            while index < scalars.count, !isSpace(scalars[index]) {
                token.append(scalars[index])
                index += 1
            }
            if hasEquals, !label.isEmpty, let item = item(label: String(label), token: String(token)) {
                items.append(item)
            }
        }
        return items
    }

    /// `value[UOM];warn;crit;min;max` for one label; nil when the value is missing, `U`
    /// (undetermined) or not a number followed by a unit.
    static func item(label: String, token: String) -> PerfdataItem? {
        let fields = token.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let first = fields.first, let (value, unit) = leadingNumber(first),
              unit.unicodeScalars.allSatisfy({ $0 == "%" || $0.properties.isAlphabetic }) else { return nil }
        func text(_ position: Int) -> String? {
            guard position < fields.count, !fields[position].isEmpty else { return nil }
            return fields[position]
        }
        func number(_ position: Int) -> Double? { text(position).flatMap { leadingNumber($0)?.value } }
        return PerfdataItem(label: label, value: value, unit: unit, warning: text(1), critical: text(2),
                            minimum: number(3), maximum: number(4))
    }

    /// The number at the start of `text` and what follows it: `-1.5e3ms` → (-1500, "ms").
    static func leadingNumber(_ text: String) -> (value: Double, rest: String)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
        let integerStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        var digits = index - integerStart
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let fractionStart = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            digits += index - fractionStart
        }
        guard digits > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var exponentEnd = index + 1
            if exponentEnd < scalars.count, scalars[exponentEnd] == "-" || scalars[exponentEnd] == "+" { exponentEnd += 1 }
            let exponentDigitsStart = exponentEnd
            while exponentEnd < scalars.count, isDigit(scalars[exponentEnd]) { exponentEnd += 1 }
            // `5e` or `5em` is the unit's business, not an exponent.
            if exponentEnd > exponentDigitsStart { index = exponentEnd }
        }
        var numberText = String(String.UnicodeScalarView(scalars[0..<index]))
        // Double() wants a digit on both sides of the point: `.5` and `5.` are common in the wild.
        numberText = numberText.replacingPoint()
        guard let value = Double(numberText), value.isFinite else { return nil }
        return (value, String(String.UnicodeScalarView(scalars[index...])))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
}

private extension String {
    /// `.5` → `0.5`, `-.5` → `-0.5`, `5.` → `5.0`, `5.e3` → `5.0e3`.
    func replacingPoint() -> String {
        var result = ""
        var previous: Character?
        let characters = Array(self)
        for (offset, character) in characters.enumerated() {
            if character == "." {
                if previous == nil || previous == "-" || previous == "+" { result.append("0") }
                result.append(".")
                let next = offset + 1 < characters.count ? characters[offset + 1] : nil
                if next == nil || next == "e" || next == "E" { result.append("0") }
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}
