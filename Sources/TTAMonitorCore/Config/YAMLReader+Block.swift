/// Where a block node stands, which decides how its content may be indented.
enum YAMLBlockSlot {
    /// The document's root (parent indentation -1).
    case document
    /// After `- ` (block-in: a nested sequence must be indented more than the dash).
    case sequenceEntry
    /// After `key:` (block-out: a sequence may sit at the key's own indentation).
    case mappingValue
}

extension YAMLReader {
    /// Reads the node that follows an indicator (`-`, `key:`, `---`) at `parentIndent`, from
    /// just after the indicator — or, with `freshLine`, from the first character of a content line.
    /// Returns with the cursor on the next content line (or at the end).
    mutating func parseBlockNode(parentIndent: Int, slot: YAMLBlockSlot, freshLine: Bool = false) throws(YAMLError) -> YAMLNode {
        try enterNesting()
        defer { depth -= 1 }
        let afterIndicator = mark
        if freshLine {
            return try parseNodeOnFollowingLines(parentIndent: parentIndent, slot: slot, properties: YAMLProperties(), emptyAt: afterIndicator)
        }
        let sawTab = skipInlineWhitespace()
        if isAtLineEndOrComment {
            try finishLine(after: "the indicator")
            skipBlankLines()
            return try parseNodeOnFollowingLines(parentIndent: parentIndent, slot: slot, properties: YAMLProperties(), emptyAt: afterIndicator)
        }
        if slot == .sequenceEntry {
            // Compact forms: `- - item` and `- key: value` (the key may carry properties).
            if isAtSequenceIndicator || implicitKeyAhead() {
                // YAML counts only spaces as indentation, and these columns become indentation.
                if sawTab { throw error("tabs are not allowed in indentation") }
                return isAtSequenceIndicator
                    ? try parseBlockSequence(indent: column, properties: YAMLProperties())
                    : try parseBlockMapping(indent: column, properties: YAMLProperties())
            }
        } else {
            try rejectCollectionOnIndicatorLine(slot: slot)
        }
        var properties = YAMLProperties()
        try parseProperties(into: &properties, separation: .inline)
        if isAtLineEndOrComment {
            try finishLine(after: "the node properties")
            skipBlankLines()
            return try parseNodeOnFollowingLines(parentIndent: parentIndent, slot: slot, properties: properties, emptyAt: afterIndicator)
        }
        if isAtSequenceIndicator {
            throw error("a block sequence cannot start on the same line as node properties")
        }
        return try parseInlineNode(parentIndent: parentIndent, properties: properties)
    }

    /// After `key:` or `---`, a collection must start on a line of its own.
    private func rejectCollectionOnIndicatorLine(slot: YAMLBlockSlot) throws(YAMLError) {
        let place = slot == .document ? "the '---' line" : "the same line as its key"
        if isAtSequenceIndicator {
            throw error("a block sequence cannot start on \(place)")
        }
        if implicitKeyAhead() {
            throw error("a block mapping cannot start on \(place)")
        }
    }

    /// The node begins on a later line (the cursor is on it), or is empty.
    private mutating func parseNodeOnFollowingLines(parentIndent: Int, slot: YAMLBlockSlot, properties: YAMLProperties, emptyAt: Mark) throws(YAMLError) -> YAMLNode {
        var properties = properties
        // A sequence that is a mapping's value may sit at the key's indentation.
        let sequenceIndent = slot == .mappingValue ? parentIndent : parentIndent + 1
        while true {
            if isAtDocumentBoundary { return try makeEmpty(properties: properties, at: emptyAt) }
            if isAtSequenceIndicator, lineIndent >= sequenceIndent {
                if let tab = lineTab { throw tabError(at: tab) }
                return try parseBlockSequence(indent: lineIndent, properties: properties)
            }
            guard lineIndent > parentIndent else { return try makeEmpty(properties: properties, at: emptyAt) }
            if implicitKeyAhead() {
                if let tab = lineTab { throw tabError(at: tab) }
                return try parseBlockMapping(indent: lineIndent, properties: properties)
            }
            if current == "&" || current == "!" {
                try parseProperties(into: &properties, separation: .inline)
                if isAtLineEndOrComment {
                    try finishLine(after: "the node properties")
                    skipBlankLines()
                    continue
                }
                if isAtSequenceIndicator {
                    throw error("a block sequence cannot start on the same line as node properties")
                }
            }
            return try parseInlineNode(parentIndent: parentIndent, properties: properties)
        }
    }

    /// A block scalar or a flow node (scalar, alias or flow collection) starting on this line.
    private mutating func parseInlineNode(parentIndent: Int, properties: YAMLProperties) throws(YAMLError) -> YAMLNode {
        if current == "|" || current == ">" {
            let node = try parseBlockScalar(parentIndent: parentIndent, properties: properties)
            skipBlankLines()
            return node
        }
        if current == "?", YAMLCharacters.isBlankOrEnd(peek(1)) {
            throw error("unsupported feature: complex mapping key ('?')")
        }
        let start = mark
        let node = try parseFlowNode(properties: properties, minIndent: parentIndent + 1, inFlow: false)
        skipInlineWhitespace()
        if current == ":", YAMLCharacters.isBlankOrEnd(peek(1)) {
            throw error(mark.line == start.line
                ? "a mapping value is not allowed here"
                : "a mapping key must fit on one line (is a ':' missing at the end of line \(start.line)?)")
        }
        try finishLine(after: "the value")
        skipBlankLines()
        return node
    }

    // MARK: - Sequences and mappings

    /// A block sequence whose dashes stand at column `indent`; the cursor is on the first dash.
    mutating func parseBlockSequence(indent: Int, properties: YAMLProperties) throws(YAMLError) -> YAMLNode {
        let start = mark
        var items: [YAMLNode] = []
        while true {
            advance()
            items.append(try parseBlockNode(parentIndent: indent, slot: .sequenceEntry))
            if isAtDocumentBoundary || lineIndent < indent { break }
            if let tab = lineTab { throw tabError(at: tab) }
            if lineIndent > indent { throw error("bad indentation: this line is indented more than the sequence entries above it") }
            guard isAtSequenceIndicator else { break }
        }
        return try makeNode(.sequence(items), properties: properties, at: start)
    }

    /// A block mapping whose keys stand at column `indent`; the cursor is on the first key.
    mutating func parseBlockMapping(indent: Int, properties: YAMLProperties) throws(YAMLError) -> YAMLNode {
        let start = mark
        var builder = YAMLMappingBuilder()
        while true {
            if current == "?", YAMLCharacters.isBlankOrEnd(peek(1)) {
                throw error("unsupported feature: complex mapping key ('?')")
            }
            if current == ":", YAMLCharacters.isBlankOrEnd(peek(1)) {
                throw error("unsupported feature: mapping entry with an empty key")
            }
            guard implicitKeyAhead() else {
                throw error(isAtSequenceIndicator
                    ? "a sequence entry is not allowed here (the mapping above is at the same indentation)"
                    : "expected 'key: value' at this indentation (is a ':' missing, or the line indented wrongly?)")
            }
            let key = try parseImplicitKey()
            skipInlineWhitespace()
            advance()  // the ':' the lookahead found
            let value = try parseBlockNode(parentIndent: indent, slot: .mappingValue)
            try builder.add(key: key, value: value)
            if isAtDocumentBoundary || lineIndent < indent { break }
            if let tab = lineTab { throw tabError(at: tab) }
            if lineIndent > indent { throw error("bad indentation: this line is indented more than the mapping keys above it") }
        }
        return try makeNode(.mapping(builder.build()), properties: properties, at: start)
    }

    // MARK: - Implicit keys

    /// Whether the cursor's line starts with `key:` (an implicit key, on one line, then `:` and
    /// whitespace). A syntactic look only: whether the key is *valid* (its tag, its escapes, its
    /// alias) is for the real parse to say, so that the user hears about the actual problem.
    func implicitKeyAhead() -> Bool {
        var probe = index
        while chars[probe] == "&" || chars[probe] == "!" {
            while !YAMLCharacters.isBlankOrEnd(chars[probe]) { probe += 1 }
            guard YAMLCharacters.isWhite(chars[probe]) else { return false }
            while YAMLCharacters.isWhite(chars[probe]) { probe += 1 }
        }
        switch chars[probe] {
        case ":":
            // An empty key (the caller reports it), or a plain scalar such as `::x`.
            if YAMLCharacters.isBlankOrEnd(char(at: probe + 1)) { return true }
            guard isAtPlainStart(at: probe, context: .blockKey) else { return false }
            probe = plainLineEnd(from: probe, context: .blockKey)
        case "*":
            probe += 1
            while YAMLCharacters.isAnchorCharacter(chars[probe]) { probe += 1 }
        case "\"", "'":
            guard let close = closingQuote(from: probe) else { return false }
            probe = close + 1
        case "[", "{":
            // Only the closing bracket matters here; parsing the collection twice (once to
            // look ahead, once for real) doubled the cost of configs written in flow style.
            // An implicit key must fit on one line, so a collection still open at the line's
            // end is not one; anything malformed inside is reported by the real parse.
            guard let close = flowCollectionEndOnLine(from: probe) else { return false }
            probe = close + 1
        default:
            guard isAtPlainStart(at: probe, context: .blockKey) else { return false }
            probe = plainLineEnd(from: probe, context: .blockKey)
        }
        while YAMLCharacters.isWhite(chars[probe]) { probe += 1 }
        return chars[probe] == ":" && YAMLCharacters.isBlankOrEnd(char(at: probe + 1))
    }

    /// The index of the bracket closing the flow collection that opens at `open`, if it
    /// closes on the same line (quoted scalars skipped, nested brackets counted).
    private func flowCollectionEndOnLine(from open: Int) -> Int? {
        var depth = 0
        var probe = open
        while true {
            let character = chars[probe]
            if YAMLCharacters.isBreakOrEnd(character) { return nil }
            switch character {
            case "[", "{":
                depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return probe }
            case _ where (character == "\"" || character == "'") && "[{,: \t".unicodeScalars.contains(chars[probe - 1]):
                // A quote opens a quoted scalar only where a scalar can start; `it's` is plain.
                guard let close = closingQuote(from: probe) else { return nil }
                probe = close
            case "#" where probe > open && YAMLCharacters.isWhite(chars[probe - 1]):
                return nil
            default:
                break
            }
            probe += 1
        }
    }

    /// The index of the quote closing the scalar that opens at `open`, if it is on the same line.
    private func closingQuote(from open: Int) -> Int? {
        let quote = chars[open]
        var probe = open + 1
        while !YAMLCharacters.isBreakOrEnd(chars[probe]) {
            if quote == "\"", chars[probe] == "\\" {
                probe += 2
                continue
            }
            if chars[probe] == quote {
                if quote == "'", chars[probe + 1] == "'" {
                    probe += 2
                    continue
                }
                return probe
            }
            probe += 1
        }
        return nil
    }

    /// Reads the key `implicitKeyAhead()` found.
    private mutating func parseImplicitKey() throws(YAMLError) -> YAMLNode {
        let start = mark
        var properties = YAMLProperties()
        try parseProperties(into: &properties, separation: .inline)
        if current == ":", YAMLCharacters.isBlankOrEnd(peek(1)) {
            throw error("unsupported feature: mapping entry with an empty key", at: properties.start ?? start)
        }
        let contentStart = mark
        let key: YAMLNode
        switch current {
        case "*":
            key = try parseAlias(properties: properties)
        case "\"", "'":
            let (text, style) = try parseQuotedScalar(minIndent: 0, singleLine: true)
            key = try makeScalar(text, style: style, properties: properties, at: contentStart)
        case "[", "{":
            throw error("unsupported feature: non-scalar mapping key (a flow collection used as a key)")
        default:
            let text = parsePlainText(context: .blockKey, minIndent: 0)
            key = try makeScalar(text, style: .plain, properties: properties, at: contentStart)
        }
        // The spec's limit, which also keeps the lookahead cheap.
        if index - start.index > 1024 {
            throw error("an implicit key may be at most 1024 characters long", at: start)
        }
        return key
    }
}
