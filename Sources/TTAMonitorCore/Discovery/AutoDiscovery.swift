/// `monitoring.discovery.auto: true`: before `check` runs, a quick discovery is saved and
/// every saved discovered component that the config does not already check is checked too.
///
/// A component that was saved and has since disappeared stays in the list, so its check
/// fails (connection refused) and the run reports it instead of silently forgetting it.
public enum AutoDiscovery {
    /// What auto-discovery added, and notes for stderr.
    public struct Outcome: Sendable {
        /// Checks for saved discovered components not configured by hand.
        public var checks: [CheckConfig]
        /// Components that went missing in this pass, and specs that could not be used.
        public var notes: [String]
    }

    /// Runs discovery with the config's sources, saves it to `database`, and returns the
    /// saved components as checks. `configText` is the config file's text (for the `config` source).
    public static func run(config: MonitoringConfig, configText: String, environment: [String: String],
                           composeFiles: [String], database: Database) async throws -> Outcome {
        let root = try ConfigDocument(text: configText, path: config.sourcePath).root
        var discovery = Discovery(sources: config.discovery.sources, configRoot: root, composeFiles: composeFiles,
                                  environment: environment)
        discovery.probeTimeout = ProtocolIdentifier.defaultTimeout
        let outcome = await discovery.run()
        let store = DiscoveredComponents(database: database)
        let changes = try store.save(outcome.proposals, now: WallClock.nowMilliseconds())
        var notes = outcome.warnings
        notes += changes.appeared.map { "discovered: \($0)" }
        notes += changes.missing.map { "missing: \($0) (discovered earlier, not found now)" }

        let configured = Set(config.checks.map(\.name))
        var checks: [CheckConfig] = []
        let interpolation = EnvironmentInterpolation(environment: environment)
        for saved in try store.saved() where !configured.contains(saved.name) {
            do {
                checks.append(try decode(spec: saved.spec, interpolation: interpolation))
            } catch {
                notes.append("discovered component '\(saved.name)' not checked: \(error)")
            }
        }
        return Outcome(checks: checks, notes: notes)
    }

    /// A saved spec (JSON) through the same decoder as hand-written checks.
    static func decode(spec: String, interpolation: EnvironmentInterpolation) throws -> CheckConfig {
        var yaml = "- "
        var body = ""
        YAMLEmitter.emit(try JSONParser.parse(spec), indent: 1, into: &body)
        yaml += body.dropFirst(2)
        let document = try ConfigDocument(text: yaml, path: "discovered component")
        guard let node = document.root else { throw ConfigError("empty discovered spec") }
        let checks = try CheckConfigDecoder(document: document, interpolation: interpolation)
            .decodeAll(node, path: "discovered")
        guard let check = checks.first else { throw ConfigError("empty discovered spec") }
        return check
    }
}
