/// One check kind, whole: its config name, how its keys are read, how it is probed and how
/// `config show` prints it. A kind is one type conforming to this plus one line in
/// `CheckKindRegistry.kinds`; nothing else in the tool spells a kind's name.
protocol CheckSpec: Sendable, Equatable {
    /// The kind's name: `type:` in the config, `kind` in results, the store and `status`.
    static var kindName: String { get }
    /// Reads the kind's own keys of one `monitoring.checks` entry (`CheckConfigDecoder` reads
    /// the keys every check shares); errors carry the file, line and column.
    static func decode(_ reader: inout MappingReader, check: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self
    /// Probes once; the probe enforces `timeout` itself.
    func probe(check: String, timeout: Duration) async -> CheckResult
    /// The kind's keys in `config show`, in order, defaults filled in and secrets masked.
    var effectiveMembers: [(String, JSONValue)] { get }
    /// Latency thresholds (ms) printed beside the measurement in perfdata; nil for kinds
    /// that do not judge latency.
    var latencyThresholds: Thresholds? { get }
    /// The secret values the spec holds, in every form a target may echo, for the redactor.
    var secretForms: [String] { get }
}

extension CheckSpec {
    var latencyThresholds: Thresholds? { nil }
    var secretForms: [String] { [] }

    /// Equality across kinds: specs of different kinds are never equal.
    func isEqual(to other: any CheckSpec) -> Bool { (other as? Self) == self }
}
