/// What a `file_age` check looks at: a heartbeat file a cron job touches.
public struct FileAgeCheckSpec: Sendable, Equatable {
    /// The file.
    public var path: String
    /// Age thresholds in milliseconds (older is worse).
    public var maxAgeMs: Thresholds
    /// Creates a spec.
    public init(path: String, maxAgeMs: Thresholds) {
        self.path = path
        self.maxAgeMs = maxAgeMs
    }
}

extension FileAgeCheckSpec: CheckSpec {
    static let kindName = "file_age"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        guard let path = try reader.nonEmptyString("path") else {
            throw reader.missingKeyError(["path"], "\(kindName) check '\(name)' needs a 'path'")
        }
        guard let ageNode = reader.node("max_age") else {
            throw reader.missingKeyError(["max_age"], "\(kindName) check '\(name)' needs 'max_age' (e.g. 26h, or {warning: 25h, critical: 26h})")
        }
        if ageNode.scalar != nil {
            let critical = try reader.duration(ageNode, path: reader.keyPath("max_age"))
            guard critical > .zero else { throw reader.error("'\(reader.keyPath("max_age"))' must be longer than zero", at: ageNode) }
            return FileAgeCheckSpec(path: path, maxAgeMs: Thresholds(critical: Double(critical.milliseconds)))
        }
        var ages = try MappingReader(ageNode, path: reader.keyPath("max_age"), document: decoder.document, interpolation: decoder.interpolation)
        var thresholds = Thresholds()
        thresholds.warning = try ages.duration("warning").map { Double($0.milliseconds) }
        thresholds.critical = try ages.duration("critical").map { Double($0.milliseconds) }
        try ages.finish()
        try ages.checkOrder(thresholds)
        return FileAgeCheckSpec(path: path, maxAgeMs: thresholds)
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await FileAgeCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        [("path", .string(path)), ("max_age", EffectiveConfig.thresholdsJSON(maxAgeMs, unit: "ms"))]
    }
}
