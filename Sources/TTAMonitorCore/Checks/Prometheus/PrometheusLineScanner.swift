/// Reads the tokens of one exposition line from raw bytes. Every method moves forward or
/// throws, so a line costs time in proportion to its length whatever it holds.
struct PrometheusLineScanner {
    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    /// The 1-based line number errors carry.
    let line: Int

    /// Scans `bytes[start..<end]`, line `line`.
    init(bytes: [UInt8], start: Int, end: Int, line: Int) {
        self.bytes = bytes
        position = start
        self.end = end
        self.line = line
    }

    var atEnd: Bool { position >= end }

    /// The next byte, or nil at the end of the line.
    var peek: UInt8? { position < end ? bytes[position] : nil }

    /// Skips spaces and tabs; returns whether there were any.
    @discardableResult
    mutating func skipBlanks() -> Bool {
        let start = position
        while position < end, Self.isBlank(bytes[position]) { position += 1 }
        return position > start
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// A metric name, `[a-zA-Z_:][a-zA-Z0-9_:]*`; nil (nothing consumed) when none starts here.
    mutating func metricName() -> String? {
        name(first: Self.isMetricNameStart, rest: Self.isMetricNameByte)
    }

    /// A label name, `[a-zA-Z_][a-zA-Z0-9_]*`; nil (nothing consumed) when none starts here.
    mutating func labelName() -> String? {
        name(first: Self.isLabelNameStart, rest: Self.isLabelNameByte)
    }

    /// Everything up to the next blank or the end of the line.
    mutating func token() -> ArraySlice<UInt8> {
        let start = position
        while position < end, !Self.isBlank(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// The rest of the line with HELP escapes resolved: `\\` and `\n`, and in OpenMetrics
    /// also `\"`; any other backslash is kept literally, as the reference parsers do.
    mutating func helpText(openMetrics: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - position)
        while position < end {
            let byte = bytes[position]
            position += 1
            guard byte == UInt8(ascii: "\\"), position < end else {
                out.append(byte)
                continue
            }
            switch bytes[position] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "\"") where openMetrics: out.append(UInt8(ascii: "\""))
            default: out.append(byte); continue
            }
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A label set after its opening `{`: `name="value"` pairs separated by commas, up to and
    /// including the closing `}`. Leniently (the 0.0.4 text, as Prometheus reads it) a trailing
    /// comma and blanks between tokens are allowed; `strict` (OpenMetrics) allows neither.
    mutating func labelSet(strict: Bool = false) throws(PrometheusParseError) -> [(String, String)] {
        var labels: [(String, String)] = []
        while true {
            if !strict { skipBlanks() }
            if consume(UInt8(ascii: "}")) {
                // Non-empty labels at the top of the loop means a comma came just before.
                guard !strict || labels.isEmpty else { throw failure("a comma before '}' in a label set") }
                return labels
            }
            guard let name = labelName() else {
                throw atEnd ? failure("unterminated label set") : failure("expected a label name, found \(describeNext())")
            }
            if !strict { skipBlanks() }
            guard consume(UInt8(ascii: "=")) else {
                throw atEnd ? failure("unterminated label set") : failure("expected '=' after label name '\(name)', found \(describeNext())")
            }
            if !strict { skipBlanks() }
            guard consume(UInt8(ascii: "\"")) else {
                throw atEnd ? failure("unterminated label set") : failure("expected '\"' to open the value of label '\(name)', found \(describeNext())")
            }
            labels.append((name, try labelValue()))
            if !strict { skipBlanks() }
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return labels }
            throw atEnd ? failure("unterminated label set") : failure("expected ',' or '}' after label '\(name)', found \(describeNext())")
        }
    }

    /// A label value after its opening quote, up to and including the closing quote.
    /// Only `\\`, `\"` and `\n` are escapes; any other backslash stays in the value with the
    /// byte after it (`\z` reads as `\z`), as Prometheus and the OpenMetrics reference parser
    /// read it.
    private mutating func labelValue() throws(PrometheusParseError) -> String {
        var out: [UInt8] = []
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard position < end else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\\"): out.append(escaped)
            case UInt8(ascii: "\""): out.append(escaped)
            case UInt8(ascii: "n"): out.append(10)
            default: out.append(byte); out.append(escaped)
            }
        }
        throw failure("unterminated label value")
    }

    /// An error at this line.
    func failure(_ message: String) -> PrometheusParseError {
        PrometheusParseError(line: line, message: message)
    }

    /// The next byte as an error message shows it.
    func describeNext() -> String {
        peek.map { Self.describe($0, quoted: true) } ?? "end of line"
    }

    private mutating func name(first: (UInt8) -> Bool, rest: (UInt8) -> Bool) -> String? {
        guard let byte = peek, first(byte) else { return nil }
        let start = position
        position += 1
        while position < end, rest(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `'x'` for printable ASCII, `byte 0xC3` for anything else, so a message never carries
    /// control characters or half a UTF-8 sequence.
    static func describe(_ byte: UInt8, quoted: Bool) -> String {
        if byte >= 0x21 && byte < 0x7F {
            let character = String(UnicodeScalar(byte))
            return quoted ? "'\(character)'" : character
        }
        let digits = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// Token text for an error message: at most 40 bytes, non-printable bytes as `?`.
    static func excerpt(_ token: ArraySlice<UInt8>) -> String {
        let shown = token.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
        return String(decoding: shown, as: UTF8.self) + (token.count > 40 ? "…" : "")
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isMetricNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func isMetricNameByte(_ byte: UInt8) -> Bool { isMetricNameStart(byte) || isDigit(byte) }

    private static func isLabelNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

    private static func isLabelNameByte(_ byte: UInt8) -> Bool { isLabelNameStart(byte) || isDigit(byte) }
}
