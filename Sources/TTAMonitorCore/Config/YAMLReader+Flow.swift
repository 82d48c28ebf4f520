extension YAMLReader {
    /// A flow node with its properties already read: an alias, a quoted or plain scalar, or a
    /// flow collection. `minIndent` is how far continuation lines must be indented.
    mutating func parseFlowNode(properties: YAMLProperties, minIndent: Int, inFlow: Bool) throws(YAMLError) -> YAMLNode {
        let start = mark
        switch current {
        case "*":
            return try parseAlias(properties: properties)
        case "\"", "'":
            let (text, style) = try parseQuotedScalar(minIndent: minIndent, singleLine: false)
            return try makeScalar(text, style: style, properties: properties, at: start)
        case "[", "{":
            let content = try parseFlowCollection(minIndent: minIndent)
            return try makeNode(content, properties: properties, at: start)
        default:
            let context: YAMLPlainContext = inFlow ? .flow : .block
            guard isAtPlainStart(context: context) else { throw unexpectedCharacter(inFlow: inFlow) }
            if inFlow, current == "?" {
                // YAML 1.2 reads `[?x]` as the text "?x"; libyaml-based parsers as a key "x".
                throw error("unsupported feature: plain scalar starting with '?' inside a flow collection (quote it)")
            }
            let text = parsePlainText(context: context, minIndent: minIndent)
            return try makeScalar(text, style: .plain, properties: properties, at: start)
        }
    }

    private func unexpectedCharacter(inFlow: Bool) -> YAMLError {
        let scalar = current
        if isAtEnd { return error("unexpected end of file (a value is missing)") }
        switch scalar {
        case "@", "`":
            return error("'\(scalar)' is reserved and cannot start a plain scalar (quote the value)")
        case "%":
            return error("'%' cannot start a plain scalar here (quote the value)")
        case "|", ">":
            return error("a block scalar ('\(scalar)') cannot appear inside a flow collection")
        case "-", "?", ":":
            return error("'\(scalar)' must be followed by a non-space character to start a plain scalar (quote the value)")
        case "\t":
            return error("tabs are not allowed in indentation")
        default:
            return error("unexpected '\(scalar)'" + (inFlow ? " in a flow collection" : ""))
        }
    }

    /// `[ … ]` or `{ … }`, from the opening bracket to past the closing one.
    mutating func parseFlowCollection(minIndent: Int) throws(YAMLError) -> YAMLNode.Content {
        try enterNesting()
        defer { depth -= 1 }
        let open = mark
        let isSequence = current == "["
        let closer: Unicode.Scalar = isSequence ? "]" : "}"
        let name = isSequence ? "flow sequence" : "flow mapping"
        advance()
        var items: [YAMLNode] = []
        var members = YAMLMappingBuilder()
        while true {
            try skipFlowSeparation(minIndent: minIndent)
            if current == closer {
                advance()
                break
            }
            if isAtEnd { throw error("unterminated \(name) (no closing '\(closer)')", at: open) }
            if current == "," || current == "]" || current == "}" {
                throw error("unexpected '\(current)' in \(name)" + (current == "," ? " (an entry is missing)" : ""))
            }
            if current == "?", YAMLCharacters.isBlankOrEnd(peek(1)) || YAMLCharacters.isFlowIndicator(peek(1)) {
                throw error("unsupported feature: complex mapping key ('?')")
            }
            if isAtFlowValueIndicator(afterJSONLikeNode: false) {
                throw error("unsupported feature: mapping entry with an empty key")
            }
            let entryStart = mark
            let (first, isJSONLike) = try parseFlowEntry(minIndent: minIndent)
            try skipFlowSeparation(minIndent: minIndent)
            if isAtFlowValueIndicator(afterJSONLikeNode: isJSONLike) {
                if isSequence, mark.line != entryStart.line {
                    throw error("an implicit key inside a flow sequence must be on a single line with its ':'")
                }
                advance()
                try skipFlowSeparation(minIndent: minIndent)
                let value = current == "," || current == closer
                    ? try makeEmpty(properties: YAMLProperties(), at: mark)
                    : try parseFlowEntry(minIndent: minIndent).node
                if isSequence {
                    // `[key: value]` is a sequence holding a one-pair mapping.
                    var pair = YAMLMappingBuilder()
                    try pair.add(key: first, value: value)
                    items.append(try makeNode(.mapping(pair.build()), properties: YAMLProperties(), at: entryStart))
                } else {
                    try members.add(key: first, value: value)
                }
            } else if isSequence {
                items.append(first)
            } else {
                // `{a, b: c}`: a key without ':' has a null value.
                try members.add(key: first, value: try makeEmpty(properties: YAMLProperties(), at: mark))
            }
            try skipFlowSeparation(minIndent: minIndent)
            if current == "," {
                advance()
                continue
            }
            if current == closer {
                advance()
                break
            }
            if isAtEnd { throw error("unterminated \(name) (no closing '\(closer)')", at: open) }
            throw error("expected ',' or '\(closer)' in \(name)")
        }
        return isSequence ? .sequence(items) : .mapping(members.build())
    }

    /// One entry (or key, or value) inside a flow collection, and whether it is "JSON-like"
    /// (quoted or a collection), after which `:` needs no space.
    private mutating func parseFlowEntry(minIndent: Int) throws(YAMLError) -> (node: YAMLNode, isJSONLike: Bool) {
        let start = mark
        var properties = YAMLProperties()
        try parseProperties(into: &properties, separation: .flow(minIndent: minIndent))
        if !properties.isEmpty, current == "," || current == "]" || current == "}" || isAtFlowValueIndicator(afterJSONLikeNode: false) {
            return (try makeEmpty(properties: properties, at: start), false)
        }
        let isJSONLike = current == "\"" || current == "'" || current == "[" || current == "{"
        return (try parseFlowNode(properties: properties, minIndent: minIndent, inFlow: true), isJSONLike)
    }

    /// `:` as a value indicator in flow context: followed by whitespace or a flow indicator, or
    /// anything at all right after a JSON-like key (`{"a":1}`).
    private func isAtFlowValueIndicator(afterJSONLikeNode: Bool) -> Bool {
        guard current == ":" else { return false }
        let next = peek(1)
        return afterJSONLikeNode || YAMLCharacters.isBlankOrEnd(next) || YAMLCharacters.isFlowIndicator(next)
    }

    /// Skips whitespace, comments and line breaks between flow tokens. Each new line with
    /// content must be indented at least `minIndent` spaces (tabs may follow the spaces).
    mutating func skipFlowSeparation(minIndent: Int) throws(YAMLError) {
        while true {
            switch current {
            case " ", "\t":
                advance()
            case "#":
                guard column == 0 || YAMLCharacters.isWhite(peek(-1)) else {
                    throw error("a comment must be separated from the preceding text by whitespace")
                }
                while !YAMLCharacters.isBreakOrEnd(current) { advance() }
            case "\n":
                advance()
                try checkFlowLinePrefix(minIndent: minIndent)
            default:
                return
            }
        }
    }

    private func checkFlowLinePrefix(minIndent: Int) throws(YAMLError) {
        var probe = index
        while chars[probe] == " " { probe += 1 }
        var rest = probe
        while YAMLCharacters.isWhite(chars[rest]) { rest += 1 }
        if YAMLCharacters.isBreakOrEnd(chars[rest]) || chars[rest] == "#" { return }
        if isDocumentMarker(at: index) {
            throw error("a document marker cannot appear inside a flow collection")
        }
        // A documented deviation: the spec wants every line of a flow collection indented more
        // than its parent, but PyYAML, ruamel.yaml and the parsers behind Docker Compose and
        // Kubernetes accept a line at the parent's own indentation, and real files rely on it
        // (a closing bracket, most often); the brackets leave no doubt what it means.
        let isCloser = chars[probe] == "]" || chars[probe] == "}"
        let required = YAMLReader.relaxedIndent(minIndent, closer: isCloser)
        guard probe - index >= required else {
            if chars[probe] == "\t" { throw tabError(at: probe) }
            if isCloser {
                throw error("this '\(chars[probe])' must be indented at least as far as the key or entry that opens its collection", at: mark(at: probe))
            }
            let how = required < minIndent ? "at least as far as" : "more than"
            throw error("this line must be indented \(how) the enclosing block (is a ']' or '}' missing?)", at: mark(at: probe))
        }
    }
}
