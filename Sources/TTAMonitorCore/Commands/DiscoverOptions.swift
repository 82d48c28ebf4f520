/// The options of one `discover` invocation, read by key (`CommandOptions.Discover`).
struct DiscoverOptions: Sendable {
    /// `--source` names as given, comma lists split. They are checked after the config is
    /// read, as before, so a config error still comes first.
    var sources: [String]
    /// `--compose` files as given.
    var composeFiles: [String]
    /// `--save`: record the findings in the database.
    var save: Bool
    /// `--emit-yaml`: print a monitoring.checks fragment.
    var emitYAML: Bool

    /// Reads the options (none is validated here).
    init(invocation: ParsedInvocation) {
        sources = invocation.list(CommandOptions.Discover.source)
        composeFiles = invocation.list(CommandOptions.Discover.compose)
        save = invocation.flag(CommandOptions.Discover.save)
        emitYAML = invocation.flag(CommandOptions.Discover.emitYAML)
    }
}
