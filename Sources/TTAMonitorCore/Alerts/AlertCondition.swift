/// The kind-specific half of a rule: what it reads from the store and when it holds.
/// One implementation per kind, each in `Alerts/Rules/`.
protocol AlertCondition: Sendable {
    /// `kind:` as written in the config.
    var kind: String { get }
    /// Whether the rule is about checks (without `check:` it then applies to every check);
    /// false for rules about the platform as a whole (carbon).
    var isPerCheck: Bool { get }
    /// The summary used when the rule sets none.
    var defaultSummary: String { get }
    /// Placeholders every observation of this rule fills in from the config (`{{metric}}`, `{{for}}`, …).
    var configPlaceholders: [String: String] { get }
    /// The kind's keys with their effective values (defaults filled in), for `config show`.
    var settings: [(String, JSONValue)] { get }
    /// Looks at the stored data for `subject`.
    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation
}
