/// Reads typed values out of one YAML mapping, remembering which keys were used so that
/// `finish()` can reject unknown keys with a "did you mean" hint.
struct MappingReader {
    let document: ConfigDocument
    let node: YAMLNode
    /// Dotted path of this mapping for messages (`monitoring.checks[1]`).
    let path: String
    let interpolation: EnvironmentInterpolation
    let pairs: [YAMLPair]
    /// Keys asked for so far.
    private(set) var known: [String] = []

    init(_ node: YAMLNode, path: String, document: ConfigDocument,
         interpolation: EnvironmentInterpolation) throws(ConfigError) {
        guard let pairs = node.mappingPairs else {
            throw document.error("'\(path)' must be a mapping, got \(Self.describe(node))", at: node.location)
        }
        self.node = node
        self.path = path
        self.document = document
        self.interpolation = interpolation
        self.pairs = pairs
    }

    /// The raw node for `key`, recording the key as known. An explicit null counts as absent.
    mutating func node(_ key: String) -> YAMLNode? {
        known.append(key)
        guard let value = pairs.first(where: { $0.key.scalar?.text == key })?.value else { return nil }
        if let scalar = value.scalar, scalar.coreValue == .null, scalar.style == .plain { return nil }
        return value
    }

    /// Records keys that are accepted but read elsewhere (or reserved for later use).
    mutating func accept(_ keys: [String]) { known += keys }

    func error(_ message: String, at node: YAMLNode) -> ConfigError {
        document.error(message, at: node.location)
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: - scalars

    mutating func string(_ key: String, required: Bool = false) throws(ConfigError) -> String? {
        guard let value = node(key) else {
            if required { throw missingKeyError([key], "missing required key '\(key)' in '\(path)'") }
            return nil
        }
        return try string(value, path: keyPath(key))
    }

    func string(_ value: YAMLNode, path: String) throws(ConfigError) -> String {
        try string(value, path: path, forShell: false)
    }

    /// A command string for `/bin/sh -c`: `${VAR}` values are quoted as shell data.
    func shellCommand(_ value: YAMLNode, path: String) throws(ConfigError) -> String {
        try string(value, path: path, forShell: true)
    }

    private func string(_ value: YAMLNode, path: String, forShell: Bool) throws(ConfigError) -> String {
        guard let scalar = value.scalar else {
            throw error("'\(path)' must be a string, got \(Self.describe(value))", at: value)
        }
        do {
            return forShell ? try interpolation.expandShellCommand(scalar.text) : try interpolation.expand(scalar.text)
        } catch {
            switch error {
            case .unset(let name):
                throw self.error("environment variable '\(name)' is not set (used by '\(path)'; write ${\(name):-default} to give a default)", at: value)
            case .malformed(let detail):
                throw self.error("\(detail) in '\(path)'", at: value)
            }
        }
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = node(key) else { return nil }
        // The typed layer, not the YAML core schema, decides: booleans also accept the
        // YAML 1.1 words people write in configs (yes/no, on/off), but only when unquoted.
        if let scalar = value.scalar, scalar.style == .plain {
            switch scalar.text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        throw error("'\(keyPath(key))' must be true or false", at: value)
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = node(key) else { return nil }
        return try int(value, path: keyPath(key), range: range)
    }

    func int(_ value: YAMLNode, path: String, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let scalar = value.scalar, case .int(let number) = scalar.coreValue,
              let integer = Int(exactly: number) else {
            throw error("'\(path)' must be a whole number" + Self.legacyHint(value), at: value)
        }
        guard range.contains(integer) else {
            throw error("'\(path)' must be between \(range.lowerBound) and \(range.upperBound), got \(integer)", at: value)
        }
        return integer
    }

    mutating func number(_ key: String) throws(ConfigError) -> Double? {
        guard let value = node(key) else { return nil }
        return try number(value, path: keyPath(key))
    }

    func number(_ value: YAMLNode, path: String) throws(ConfigError) -> Double {
        if let scalar = value.scalar {
            switch scalar.coreValue {
            case .int(let number): return Double(number)
            case .float(let number) where number.isFinite: return number
            default: break
            }
        }
        throw error("'\(path)' must be a number" + Self.legacyHint(value), at: value)
    }

    /// `: '5_000' is a YAML 1.1 spelling; write 5000` for such a scalar, else nothing.
    private static func legacyHint(_ value: YAMLNode) -> String {
        value.scalar.flatMap { YAMLLegacyInteger.hint($0.text) }.map { ": " + $0 } ?? ""
    }

    mutating func duration(_ key: String) throws(ConfigError) -> Duration? {
        guard let value = node(key) else { return nil }
        return try duration(value, path: keyPath(key))
    }

    func duration(_ value: YAMLNode, path: String) throws(ConfigError) -> Duration {
        guard let scalar = value.scalar else { throw error("'\(path)' must be a duration such as 5s", at: value) }
        if case .int = scalar.coreValue {
            throw error("'\(path)' needs a unit: write \(scalar.text)s, \(scalar.text)ms or \(scalar.text)m", at: value)
        }
        guard let duration = DurationParser.parse(scalar.text) else {
            throw error("'\(path)' is not a duration: '\(scalar.text)' (use 500ms, 30s, 5m, 4h, 7d, 2w)", at: value)
        }
        return duration
    }

    // MARK: - collections

    /// A list of strings; a single scalar counts as a one-element list.
    mutating func stringList(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = node(key) else { return nil }
        if value.scalar != nil { return [try string(value, path: keyPath(key))] }
        guard let items = value.sequenceItems else {
            throw error("'\(keyPath(key))' must be a list of strings", at: value)
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            result.append(try string(item, path: "\(keyPath(key))[\(index)]"))
        }
        return result
    }

    /// A command as an argv list (a single string counts as a one-element list). When the
    /// program is a shell and an option such as `-c` precedes an argument, that argument is
    /// shell text, and `${VAR}` values in it are quoted as they are for a command string.
    mutating func commandList(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = node(key) else { return nil }
        if value.scalar != nil { return [try string(value, path: keyPath(key))] }
        guard let items = value.sequenceItems else {
            throw error("'\(keyPath(key))' must be a list of strings", at: value)
        }
        var result: [String] = []
        var isShell = false
        var sawCommandOption = false
        var shellTextDone = false
        for (index, item) in items.enumerated() {
            let path = "\(keyPath(key))[\(index)]"
            let raw = item.scalar?.text ?? ""
            if isShell, sawCommandOption, !shellTextDone, !raw.hasPrefix("-") {
                result.append(try shellCommand(item, path: path))
                shellTextDone = true
                continue
            }
            let argument = try string(item, path: path)
            if index == 0 {
                isShell = Self.shells.contains(String(argument.split(separator: "/").last ?? ""))
            } else if argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.contains("c") {
                sawCommandOption = true
            }
            result.append(argument)
        }
        return result
    }

    private static let shells: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"]

    /// A list of whole numbers; a single number counts as a one-element list.
    mutating func intList(_ key: String, range: ClosedRange<Int>) throws(ConfigError) -> [Int]? {
        guard let value = node(key) else { return nil }
        if value.scalar != nil { return [try int(value, path: keyPath(key), range: range)] }
        guard let items = value.sequenceItems else {
            throw error("'\(keyPath(key))' must be a number or a list of numbers", at: value)
        }
        var result: [Int] = []
        for (index, item) in items.enumerated() {
            result.append(try int(item, path: "\(keyPath(key))[\(index)]", range: range))
        }
        return result
    }

    /// A nested mapping reader for `key`.
    mutating func mapping(_ key: String) throws(ConfigError) -> MappingReader? {
        guard let value = node(key) else { return nil }
        return try MappingReader(value, path: keyPath(key), document: document, interpolation: interpolation)
    }

    /// `{warning: X, critical: Y}` where X and Y are durations (returned in milliseconds).
    mutating func durationThresholds(_ key: String) throws(ConfigError) -> Thresholds? {
        guard var reader = try mapping(key) else { return nil }
        var thresholds = Thresholds()
        thresholds.warning = try reader.duration("warning").map { Double($0.milliseconds) }
        thresholds.critical = try reader.duration("critical").map { Double($0.milliseconds) }
        try reader.finish()
        try reader.checkOrder(thresholds)
        return thresholds
    }

    /// `{warning: X, critical: Y}` where X and Y are plain numbers (percentages and the like).
    mutating func numberThresholds(_ key: String, range: ClosedRange<Double>, lowerIsWorse: Bool = false) throws(ConfigError) -> Thresholds? {
        guard var reader = try mapping(key) else { return nil }
        var thresholds = Thresholds(lowerIsWorse: lowerIsWorse)
        for level in ["warning", "critical"] {
            guard let value = reader.node(level) else { continue }
            let number = try reader.number(value, path: reader.keyPath(level))
            guard range.contains(number) else {
                throw error("'\(reader.keyPath(level))' must be between \(Timestamps.formatFixed(range.lowerBound, digits: 0)) and \(Timestamps.formatFixed(range.upperBound, digits: 0))", at: value)
            }
            if level == "warning" { thresholds.warning = number } else { thresholds.critical = number }
        }
        try reader.finish()
        try reader.checkOrder(thresholds)
        return thresholds
    }

    func checkOrder(_ thresholds: Thresholds) throws(ConfigError) {
        guard thresholds.warning != nil || thresholds.critical != nil else {
            throw document.error("'\(path)' needs 'warning', 'critical' or both", at: node.location)
        }
        if let warning = thresholds.warning, let critical = thresholds.critical {
            if !thresholds.lowerIsWorse, warning > critical {
                throw document.error("'\(path)': warning must not be above critical", at: node.location)
            }
            if thresholds.lowerIsWorse, warning < critical {
                throw document.error("'\(path)': warning must not be below critical (lower values are worse here)", at: node.location)
            }
        }
    }

    /// Rejects keys that were never asked for, suggesting the nearest known one.
    func finish() throws(ConfigError) {
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                throw error("keys in '\(path)' must be plain strings", at: pair.key)
            }
            guard !known.contains(key) else { continue }
            var message = "unknown key '\(key)' in '\(path.isEmpty ? "top level" : path)'"
            if let hint = EditDistance.suggestion(for: key, among: known) {
                message += "; did you mean '\(hint)'?"
            }
            throw error(message, at: pair.key)
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): scalar.coreValue == .null ? "nothing" : "'\(scalar.text)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
