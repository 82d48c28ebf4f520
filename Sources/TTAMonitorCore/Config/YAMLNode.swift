/// One node of a parsed YAML document. Aliases are already expanded and merge keys (`<<`)
/// already applied, so a node is plain data: a scalar, a sequence or a mapping.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        /// A scalar value.
        case scalar(YAMLScalar)
        /// A block (`- item`) or flow (`[a, b]`) sequence.
        case sequence([YAMLNode])
        /// A block (`key: value`) or flow (`{k: v}`) mapping, keys unique, in file order.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts; for a key, the key's first character; for an alias, where the
    /// alias was used, so errors point at the line the user is reading.
    public var location: SourceLocation

    /// Creates a node.
    public init(content: Content, location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The member of a mapping whose key text is `key` (keys are unique); nil otherwise.
    public subscript(key: String) -> YAMLNode? {
        mappingPairs?.first { $0.key.scalar?.text == key }?.value
    }

    /// The pairs of a mapping, in file order (merged pairs where their `<<` key stood).
    public var mappingPairs: [YAMLPair]? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs
    }

    /// The items of a sequence.
    public var sequenceItems: [YAMLNode]? {
        guard case .sequence(let items) = content else { return nil }
        return items
    }

    /// The scalar, for scalar nodes.
    public var scalar: YAMLScalar? {
        guard case .scalar(let scalar) = content else { return nil }
        return scalar
    }

    /// The node as JSON: mapping keys by their scalar text, ints as `.int`, floats (NaN and
    /// infinities included) as `.double`.
    public var jsonValue: JSONValue {
        switch content {
        case .scalar(let scalar):
            switch scalar.coreValue {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .float(let value): return .double(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(pairs.map { ($0.key.scalar?.text ?? "", $0.value.jsonValue) })
        }
    }
}

/// One `key: value` member of a mapping. Keys are always scalars in the supported subset.
public struct YAMLPair: Sendable {
    /// The key node.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
