extension YAMLReader {
    /// A single- or double-quoted scalar from its opening quote to past the closing one.
    /// Line breaks fold like plain scalars; continuation lines need `minIndent` spaces.
    /// With `singleLine` (implicit keys) a line break is an error.
    mutating func parseQuotedScalar(minIndent: Int, singleLine: Bool) throws(YAMLError) -> (String, YAMLScalar.Style) {
        let open = mark
        let quote = current
        let isDouble = quote == "\""
        let kind = isDouble ? "double-quoted" : "single-quoted"
        advance()
        var text: [Unicode.Scalar] = []
        // Trailing whitespace before a line break is dropped; escaped characters never are.
        var kept = 0
        while true {
            let scalar = current
            if isAtEnd { throw error("unterminated \(kind) scalar (no closing \(quote))", at: open) }
            if scalar == quote {
                if !isDouble, peek(1) == "'" {
                    text.append("'")
                    kept = text.count
                    advance()
                    advance()
                    continue
                }
                advance()
                break
            }
            if scalar == "\n" {
                if singleLine { throw error("an implicit key must be on a single line", at: open) }
                text.removeLast(text.count - kept)
                try foldQuotedLineBreak(minIndent: minIndent, escaped: false, into: &text)
                kept = text.count
                continue
            }
            if isDouble, scalar == "\\" {
                if peek(1) == "\n" {
                    if singleLine { throw error("an implicit key must be on a single line", at: open) }
                    advance()
                    try foldQuotedLineBreak(minIndent: minIndent, escaped: true, into: &text)
                } else {
                    text.append(try readEscape())
                }
                kept = text.count
                continue
            }
            text.append(scalar)
            if !YAMLCharacters.isWhite(scalar) { kept = text.count }
            advance()
        }
        return (String(String.UnicodeScalarView(text)), isDouble ? .doubleQuoted : .singleQuoted)
    }

    /// From a line break inside quotes: skips blank lines and the next line's indentation,
    /// appending one space (no blank lines), or one newline per blank line. After an escaped
    /// break (`\` at the end of the line) nothing is added but the blank lines' newlines.
    private mutating func foldQuotedLineBreak(minIndent: Int, escaped: Bool, into text: inout [Unicode.Scalar]) throws(YAMLError) {
        var breaks = 0
        advance()
        while true {
            let lineStart = index
            var probe = lineStart
            while chars[probe] == " " { probe += 1 }
            let spaces = probe - lineStart
            while YAMLCharacters.isWhite(chars[probe]) { probe += 1 }
            let hasTab = probe > lineStart + spaces
            if chars[probe] == "\n" {
                if spaces < minIndent, hasTab { throw tabError(at: lineStart + spaces) }
                breaks += 1
                advance(to: probe + 1)
                continue
            }
            if isAtEnd || chars[probe] == "\0" {
                advance(to: probe)
                break
            }
            if isDocumentMarker(at: lineStart) {
                throw error("a document marker cannot appear inside a quoted scalar")
            }
            // The same deviation as in flow collections: PyYAML and ruamel.yaml accept a
            // continuation at the parent's indentation, and the closing quote bounds it.
            if spaces < YAMLReader.relaxedIndent(minIndent, closer: false) {
                if hasTab { throw tabError(at: lineStart + spaces) }
                let how = YAMLReader.relaxedIndent(minIndent, closer: false) < minIndent ? "at least as far as" : "more than"
                throw error("this continuation line of a quoted scalar must be indented \(how) its parent", at: mark(at: probe))
            }
            advance(to: probe)
            break
        }
        if escaped {
            text.append(contentsOf: repeatElement("\n", count: breaks))
        } else if breaks == 0 {
            text.append(" ")
        } else {
            text.append(contentsOf: repeatElement("\n", count: breaks))
        }
    }

    /// One escape sequence after `\` in a double-quoted scalar.
    private mutating func readEscape() throws(YAMLError) -> Unicode.Scalar {
        let start = mark
        advance()
        let letter = current
        let simple: Unicode.Scalar? = switch letter {
        case "0": "\0"
        case "a": "\u{07}"
        case "b": "\u{08}"
        case "t", "\t": "\t"
        case "n": "\n"
        case "v": "\u{0B}"
        case "f": "\u{0C}"
        case "r": "\r"
        case "e": "\u{1B}"
        case " ": " "
        case "\"": "\""
        case "/": "/"
        case "\\": "\\"
        case "N": "\u{85}"
        case "_": "\u{A0}"
        case "L": "\u{2028}"
        case "P": "\u{2029}"
        default: nil
        }
        if let simple {
            advance()
            return simple
        }
        let digits = switch letter {
        case "x": 2
        case "u": 4
        case "U": 8
        default: 0
        }
        guard digits > 0 else {
            let shown = isAtEnd || letter == "\n" ? "" : String(letter)
            throw error("invalid escape '\\\(shown)' in a double-quoted scalar", at: start)
        }
        advance()
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = YAMLCharacters.hexValue(current) else {
                throw error("escape '\\\(letter)' needs \(digits) hexadecimal digits", at: start)
            }
            value = value << 4 | digit
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape '\(text(from: start.index, to: index))' is not a valid Unicode code point", at: start)
        }
        return scalar
    }
}
