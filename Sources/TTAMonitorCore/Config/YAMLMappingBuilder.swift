/// Collects a mapping's pairs: rejects duplicate and unrepresentable keys, and applies `<<`
/// merge keys (a mapping, or a sequence of mappings where earlier ones win) without letting them
/// override keys written in the mapping itself.
struct YAMLMappingBuilder {
    private var pairs: [YAMLPair] = []
    private var keyLocations: [String: SourceLocation] = [:]
    /// Merged pairs and the position of their `<<` key, so they land where the key stood.
    private var merges: [(position: Int, pairs: [YAMLPair])] = []
    private var mergeKeyLocation: SourceLocation?

    /// Adds one `key: value` pair as written.
    mutating func add(key: YAMLNode, value: YAMLNode) throws(YAMLError) {
        guard let scalar = key.scalar else {
            let kind = key.sequenceItems != nil ? "sequence" : "mapping"
            throw YAMLError("unsupported feature: non-scalar mapping key (a \(kind) used as a key)", at: key.location)
        }
        if scalar.style == .plain, scalar.tag == nil, scalar.text == "<<" {
            try addMerge(value, keyLocation: key.location)
            return
        }
        try Self.checkRepresentable(scalar, at: key.location)
        if let first = keyLocations[scalar.text] {
            throw YAMLError("duplicate key '\(scalar.text)' (first defined at \(first.line):\(first.column))", at: key.location)
        }
        keyLocations[scalar.text] = key.location
        pairs.append(YAMLPair(key: key, value: value))
    }

    /// The pairs in file order, merged ones in place of their `<<` key.
    func build() -> [YAMLPair] {
        guard !merges.isEmpty else { return pairs }
        var taken = Set(keyLocations.keys)
        var result: [YAMLPair] = []
        var pendingMerges = merges[...]
        for position in 0...pairs.count {
            while let merge = pendingMerges.first, merge.position == position {
                pendingMerges = pendingMerges.dropFirst()
                for pair in merge.pairs {
                    guard let text = pair.key.scalar?.text, taken.insert(text).inserted else { continue }
                    result.append(pair)
                }
            }
            if position < pairs.count { result.append(pairs[position]) }
        }
        return result
    }

    private mutating func addMerge(_ value: YAMLNode, keyLocation: SourceLocation) throws(YAMLError) {
        if let first = mergeKeyLocation {
            throw YAMLError("duplicate key '<<' (first defined at \(first.line):\(first.column))", at: keyLocation)
        }
        mergeKeyLocation = keyLocation
        let sources: [YAMLNode]
        switch value.content {
        case .mapping: sources = [value]
        case .sequence(let items): sources = items
        case .scalar:
            throw YAMLError("merge key '<<' needs a mapping or a sequence of mappings", at: value.location)
        }
        var merged: [YAMLPair] = []
        for source in sources {
            guard let sourcePairs = source.mappingPairs else {
                throw YAMLError("merge key '<<' needs a mapping or a sequence of mappings", at: source.location)
            }
            merged.append(contentsOf: sourcePairs)
        }
        merges.append((position: pairs.count, pairs: merged))
    }

    /// Keys become JSON object keys by their text, so a key whose core-schema value is spelled
    /// differently from how JSON would spell it (`0x1F`, `True`, `~`, `1.50`) would silently
    /// change meaning; only strings, canonical integers and `true`/`false` are accepted.
    private static func checkRepresentable(_ scalar: YAMLScalar, at location: SourceLocation) throws(YAMLError) {
        switch scalar.coreValue {
        case .string:
            return
        case .null:
            throw YAMLError("unsupported feature: null mapping key '\(scalar.text)' (quote it to use it as text)", at: location)
        case .bool(let value):
            if scalar.text == (value ? "true" : "false") { return }
        case .int(let value):
            if scalar.text == String(value) { return }
        case .float:
            break
        }
        throw YAMLError("unsupported feature: mapping key '\(scalar.text)' is not spelled as its \(kindName(scalar.coreValue)) value would be (quote it to use it as text)", at: location)
    }

    private static func kindName(_ value: YAMLCoreValue) -> String {
        switch value {
        case .bool: "boolean"
        case .int: "integer"
        case .float: "floating-point"
        case .null: "null"
        case .string: "string"
        }
    }
}
