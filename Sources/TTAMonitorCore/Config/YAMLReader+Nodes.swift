extension YAMLReader {
    // MARK: - Properties

    /// Reads `&anchor` and `!tag` (each at most once, in either order) into `properties`.
    mutating func parseProperties(into properties: inout YAMLProperties, separation: YAMLSeparation) throws(YAMLError) {
        let inFlow = if case .flow = separation { true } else { false }
        while current == "&" || current == "!" {
            let start = mark
            if current == "&" {
                advance()
                let name = try readName()
                guard !name.isEmpty else { throw error("an anchor needs a name after '&'", at: start) }
                guard properties.anchor == nil else { throw error("a node may have only one anchor", at: start) }
                properties.anchor = YAMLProperties.Anchor(name: name, mark: start, pending: anchors.begin(name))
            } else {
                let tag = try readTag()
                guard properties.tag == nil else { throw error("a node may have only one tag", at: start) }
                properties.tag = YAMLProperties.Tag(text: tag, mark: start)
            }
            let separated = YAMLCharacters.isBlankOrEnd(current) || (inFlow && YAMLCharacters.isFlowIndicator(current))
            guard separated else { throw error("expected whitespace after '\(text(from: start.index, to: index))'") }
            switch separation {
            case .inline: skipInlineWhitespace()
            case .flow(let minIndent): try skipFlowSeparation(minIndent: minIndent)
            }
        }
    }

    /// `ns-anchor-char+` from the cursor. YAML 1.2 allows almost any character in a name, but
    /// libyaml-based parsers stop at the first one outside `[A-Za-z0-9_-]` (`&a:b x` is anchor
    /// `a:b` to one, `a` plus text `:b x` to the other), so such names are refused.
    private mutating func readName() throws(YAMLError) -> String {
        let start = mark
        while YAMLCharacters.isAnchorCharacter(current) { advance() }
        let name = text(from: start.index, to: index)
        let portable = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard portable else {
            throw error("unsupported feature: anchor or alias name '\(name)' (use only letters, digits, '-' and '_')", at: start)
        }
        return name
    }

    /// Reads a tag and checks that the subset supports it.
    private mutating func readTag() throws(YAMLError) -> String {
        let start = mark
        advance()
        if current == "<" {
            while !YAMLCharacters.isBlankOrEnd(current), current != ">" { advance() }
            if current == ">" { advance() }
        } else {
            while YAMLCharacters.isNonSpace(current), !YAMLCharacters.isFlowIndicator(current) { advance() }
        }
        let tag = text(from: start.index, to: index)
        guard YAMLCoreSchema.supportedTags.contains(tag) else {
            throw error("unsupported feature: tag '\(tag)' (only !!str, !!int, !!float, !!bool and !!null are supported)", at: start)
        }
        return tag
    }

    // MARK: - Aliases

    /// Reads `*name` and returns a copy of the anchored node, located where the alias stands.
    mutating func parseAlias(properties: YAMLProperties) throws(YAMLError) -> YAMLNode {
        let start = mark
        if let propertyStart = properties.start {
            throw error("an alias cannot have an anchor or a tag of its own", at: propertyStart)
        }
        advance()
        let name = try readName()
        guard !name.isEmpty else { throw error("an alias needs a name after '*'", at: start) }
        switch anchors.lookup(name) {
        case .unknown:
            throw error("alias '*\(name)' refers to an unknown anchor", at: start)
        case .recursive:
            throw error("unsupported feature: recursive alias '*\(name)' (it refers to a node that contains it)", at: start)
        case .node(var node, let size):
            guard anchors.expand(size) else {
                throw error("aliases expand to more than \(YAMLAnchorTable.expansionLimit) nodes (an alias bomb?)", at: start)
            }
            node.location = location(of: start)
            return node
        }
    }

    // MARK: - Making nodes

    /// A scalar node: resolves its core-schema value (or checks it against its tag) and
    /// registers its anchor.
    mutating func makeScalar(_ text: String, style: YAMLScalar.Style, properties: YAMLProperties, at start: Mark) throws(YAMLError) -> YAMLNode {
        var value = YAMLCoreValue.string(text)
        if style == .plain {
            switch YAMLCoreSchema.read(text) {
            case .value(let resolved): value = resolved
            case .overflow:
                // With an explicit !!str the text stays text; otherwise refuse rather than round.
                if properties.tag?.text != "!!str" {
                    throw error("integer '\(text)' is out of range (it does not fit in 64 bits)", at: start)
                }
            }
        }
        let scalar = YAMLScalar(text: text, style: style, coreValue: value)
        return try makeNode(.scalar(scalar), properties: properties, at: start)
    }

    /// The node for an absent value (`key:` with nothing after it): null, or "" under `!!str`.
    mutating func makeEmpty(properties: YAMLProperties, at start: Mark) throws(YAMLError) -> YAMLNode {
        try makeScalar("", style: .plain, properties: properties, at: start)
    }

    /// Applies the tag, counts the node and registers its anchor.
    mutating func makeNode(_ content: YAMLNode.Content, properties: YAMLProperties, at start: Mark) throws(YAMLError) -> YAMLNode {
        var content = content
        if let tag = properties.tag {
            switch content {
            case .scalar(var scalar):
                guard let value = YAMLCoreSchema.read(scalar.text, tag: tag.text) else {
                    throw error("'\(scalar.text)' is not a valid \(tag.text) value", at: tag.mark)
                }
                scalar.tag = tag.text
                scalar.coreValue = value
                content = .scalar(scalar)
            case .sequence:
                throw error("tag '\(tag.text)' cannot be applied to a sequence", at: tag.mark)
            case .mapping:
                throw error("tag '\(tag.text)' cannot be applied to a mapping", at: tag.mark)
            }
        }
        anchors.countNode()
        let node = YAMLNode(content: content, location: location(of: start))
        if let anchor = properties.anchor { anchors.complete(anchor.pending, node: node) }
        return node
    }
}
