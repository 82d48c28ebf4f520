/// One entry of `monitoring.checks`.
public struct CheckConfig: Sendable, Equatable {
    /// Unique name; also the component name in `status`.
    public var name: String
    /// What to probe and how to judge it.
    public var kind: CheckKind
    /// Per-check timeout; the run's `--timeout` or `defaults.timeout` when nil.
    public var timeout: Duration?
    /// How often cron is expected to run this check; drives staleness in `status`.
    public var interval: Duration?
    /// Whether the component is critical to TTA (shown in status; used by alert routing later).
    public var critical: Bool = false
    /// Names of checks this one depends on.
    public var dependsOn: [String] = []
    /// Extra attempts when not OK; `defaults.retries` when nil.
    public var retries: Int?
    /// Consecutive non-OK results before the reported status turns bad; defaults when nil.
    public var failureThreshold: Int?
    /// Consecutive OK results before a bad reported status recovers; defaults when nil.
    public var successThreshold: Int?
    /// Free-form description shown in `status`.
    public var description: String?
    /// Where the entry starts in the config file, for error messages.
    public var location: SourceLocation?

    /// Creates a check.
    public init(name: String, kind: CheckKind) {
        self.name = name
        self.kind = kind
    }
}

extension CheckConfig {
    /// Creates a check of whichever kind `spec` belongs to.
    init(name: String, spec: some CheckSpec) {
        self.init(name: name, kind: CheckKind(spec))
    }
}
