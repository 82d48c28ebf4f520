/// Every check kind this version runs, in the order messages and docs list them. Adding a
/// kind is one line here plus the file of its `CheckSpec` (and its docs).
enum CheckKindRegistry {
    static let kinds: [any CheckSpec.Type] = [
        HTTPCheckSpec.self, TCPCheckSpec.self, RedisCheckSpec.self, DiskCheckSpec.self, TLSCheckSpec.self,
        Neo4jCheckSpec.self, PostgresCheckSpec.self, MemoryCheckSpec.self, LoadCheckSpec.self,
        ProcessCheckSpec.self, CommandCheckSpec.self, FileAgeCheckSpec.self, PrometheusCheckSpec.self,
    ]

    /// The kinds' config names (`type:` values), in registry order.
    static var names: [String] { kinds.map { $0.kindName } }

    /// The kind named `name` in the config; nil for an unknown one.
    static func kind(named name: String) -> (any CheckSpec.Type)? {
        kinds.first { $0.kindName == name }
    }
}
