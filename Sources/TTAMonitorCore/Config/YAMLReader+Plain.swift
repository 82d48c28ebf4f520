/// Where a plain scalar stands, which decides what ends it.
enum YAMLPlainContext {
    /// A block value: may span lines; `[]{},` are ordinary characters.
    case block
    /// A block mapping key: one line only.
    case blockKey
    /// Inside a flow collection: may span lines; `[]{},` end it.
    case flow
}

extension YAMLReader {
    /// `ns-plain-first`: a plain scalar may start here. Indicators cannot start one, except
    /// `-`, `?` and `:` followed by a "safe" character (`-1`, `:x`, `?y`).
    func isAtPlainStart(context: YAMLPlainContext) -> Bool {
        isAtPlainStart(at: index, context: context)
    }

    /// `ns-plain-first` at `index`.
    func isAtPlainStart(at index: Int, context: YAMLPlainContext) -> Bool {
        let scalar = char(at: index)
        if scalar == "-" || scalar == "?" || scalar == ":" {
            return isPlainSafe(char(at: index + 1), context: context)
        }
        return YAMLCharacters.isNonSpace(scalar) && !YAMLCharacters.isIndicator(scalar)
    }

    private func isPlainSafe(_ scalar: Unicode.Scalar, context: YAMLPlainContext) -> Bool {
        YAMLCharacters.isNonSpace(scalar) && !(context == .flow && YAMLCharacters.isFlowIndicator(scalar))
    }

    /// Reads a plain scalar from a valid start, folding continuation lines (indented at least
    /// `minIndent`) into single spaces, or newlines for blank lines between. Leaves the cursor
    /// just after the last content character.
    mutating func parsePlainText(context: YAMLPlainContext, minIndent: Int) -> String {
        var text = String.UnicodeScalarView()
        var lineEnd = plainLineEnd(from: index, context: context)
        text.append(contentsOf: chars[index..<lineEnd])
        advance(to: lineEnd)
        guard context != .blockKey else { return String(text) }
        while let (breaks, next) = plainContinuation(minIndent: minIndent, context: context) {
            if breaks == 0 {
                text.append(" ")
            } else {
                text.append(contentsOf: repeatElement(Unicode.Scalar("\n"), count: breaks))
            }
            advance(to: next)
            lineEnd = plainLineEnd(from: index, context: context)
            text.append(contentsOf: chars[index..<lineEnd])
            advance(to: lineEnd)
        }
        return String(text)
    }

    /// Where the plain text on this line ends: before trailing whitespace, ` #`, `: `, or (in
    /// flow context) a flow indicator.
    func plainLineEnd(from start: Int, context: YAMLPlainContext) -> Int {
        var contentEnd = start
        var probe = start
        while true {
            let scalar = chars[probe]
            if YAMLCharacters.isBreakOrEnd(scalar) { break }
            if YAMLCharacters.isWhite(scalar) {
                probe += 1
                continue
            }
            if scalar == "#", probe > start, YAMLCharacters.isWhite(chars[probe - 1]) { break }
            if scalar == ":", !isPlainSafe(char(at: probe + 1), context: context) { break }
            if context == .flow, YAMLCharacters.isFlowIndicator(scalar) { break }
            if !YAMLCharacters.isNonSpace(scalar) { break }
            probe += 1
            contentEnd = probe
        }
        return contentEnd
    }

    /// If the scalar goes on after this line: the number of blank lines crossed and the index
    /// where the next line's text starts. nil when the scalar ends here.
    private func plainContinuation(minIndent: Int, context: YAMLPlainContext) -> (breaks: Int, next: Int)? {
        var probe = index
        while YAMLCharacters.isWhite(chars[probe]) { probe += 1 }
        guard chars[probe] == "\n" else { return nil }
        var breaks = 0
        while true {
            probe += 1  // past the line break
            let lineStart = probe
            while chars[probe] == " " { probe += 1 }
            let spaces = probe - lineStart
            while YAMLCharacters.isWhite(chars[probe]) { probe += 1 }
            let first = chars[probe]
            // A tab standing in for required indentation ends the scalar (the line is then
            // either an ignorable blank line or an error for the enclosing block).
            if spaces < minIndent, probe > lineStart + spaces { return nil }
            if first == "\n" {
                breaks += 1
                continue
            }
            if first == "\0" || spaces < minIndent { return nil }
            if isDocumentMarker(at: lineStart) { return nil }
            if first == "#" { return nil }
            if first == ":", !isPlainSafe(char(at: probe + 1), context: context) { return nil }
            // In flow context libyaml-based parsers take a line-leading `?` for a key indicator.
            if context == .flow, YAMLCharacters.isFlowIndicator(first) || first == "?" { return nil }
            if !YAMLCharacters.isNonSpace(first) { return nil }
            return (breaks, probe)
        }
    }
}
