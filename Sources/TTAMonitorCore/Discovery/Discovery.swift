/// One discovery pass: asks each chosen source and merges what they saw.
public struct Discovery: Sendable {
    /// Sources to ask.
    public var sources: [DiscoverySource]
    /// The TTA config's root node (for the `config` source).
    public var configRoot: YAMLNode?
    /// Compose files to read (for the `compose` source).
    public var composeFiles: [String]
    /// Environment for `${VAR:-default}` in compose files.
    public var environment: [String: String]
    /// Budget for each identification probe.
    public var probeTimeout: Duration = ProtocolIdentifier.defaultTimeout

    /// Creates a pass.
    public init(sources: [DiscoverySource], configRoot: YAMLNode?, composeFiles: [String], environment: [String: String]) {
        self.sources = sources
        self.configRoot = configRoot
        self.composeFiles = composeFiles
        self.environment = environment
    }

    /// What was found, and the compose files that could not be read (with why).
    public struct Outcome: Sendable {
        /// Merged proposals.
        public var proposals: [DiscoveryProposal]
        /// Problems worth a note on stderr; discovery carries on past them.
        public var warnings: [String]
    }

    /// Runs the pass.
    public func run() async -> Outcome {
        var findings: [DiscoveryFinding] = []
        var warnings: [String] = []
        if sources.contains(.config) { findings += ConfigSource.findings(root: configRoot) }
        if sources.contains(.compose) {
            for file in composeFiles {
                do {
                    let text = try ConfigLoader.readFile(file)
                    let document = try ConfigDocument(text: text, path: file)
                    let label = String(file.split(separator: "/").last ?? Substring(file))
                    findings += ComposeSource.findings(root: document.root, label: label, environment: environment)
                } catch {
                    warnings.append("cannot read compose file: \(error.description)")
                }
            }
        }
        if sources.contains(.ports) || sources.contains(.processes) {
            let sockets = await BlockingCall.run { ListeningSockets.read() }
            if sources.contains(.ports) { findings += await PortSource.findings(for: sockets, timeout: probeTimeout) }
            if sources.contains(.processes) { findings += await ProcessSource.findings(sockets: sockets) }
        }
        return Outcome(proposals: ProposalMerger.merge(findings), warnings: warnings)
    }
}
