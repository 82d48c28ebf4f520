/// Integers written the YAML 1.1 way, which the 1.2 core schema reads as strings: digits
/// grouped with `_` (`5_000`, `0x_FF`) and binary (`0b1010`). A typed field that receives one
/// says what to write instead, rather than only that it wants a number.
enum YAMLLegacyInteger {
    /// The value `text` has under YAML 1.1, when it is one of those spellings.
    static func value(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0b") || body.hasPrefix("0B") {
            radix = 2
            body = body.dropFirst(2)
        } else if body.hasPrefix("0x") || body.hasPrefix("0X") {
            radix = 16
            body = body.dropFirst(2)
        }
        // Only the spellings 1.2 reads differently: binary, or any grouping underscore.
        guard radix == 2 || text.contains("_") else { return nil }
        let digits = body.filter { $0 != "_" }
        // A 1.1 decimal starts 1-9 (a leading 0 made it octal there).
        guard !digits.isEmpty, radix != 10 || (body.first != "_" && (digits.first != "0" || digits.count == 1)),
              let magnitude = Int64(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// The hint a typed field adds: `'5_000' is a YAML 1.1 spelling; write 5000`, or nil.
    static func hint(_ text: String) -> String? {
        value(text).map { "'\(text)' is a YAML 1.1 spelling; write \($0)" }
    }
}
