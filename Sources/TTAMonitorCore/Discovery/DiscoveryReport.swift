/// How `discover` prints what it found: a table, JSON (schema_version 1), or a
/// `monitoring.checks` YAML fragment to paste into `tta_config.yaml`.
public struct DiscoveryReport: Sendable {
    /// The merged proposals.
    public var proposals: [DiscoveryProposal]
    /// With `--save`: what was new and what went missing.
    public var changes: DiscoveredComponents.Changes?

    /// Creates a report.
    public init(proposals: [DiscoveryProposal], changes: DiscoveredComponents.Changes? = nil) {
        self.proposals = proposals
        self.changes = changes
    }

    /// NAME, KIND, TARGET, SOURCES, PID, NOTE, then the `--save` summary.
    public func table() -> String {
        var table = TextTable(headers: ["NAME", "KIND", "TARGET", "SOURCES", "PID", "NOTE"])
        for proposal in proposals {
            var note = proposal.notes
            if let process = proposal.process { note.insert(process, at: 0) }
            table.add([proposal.name, proposal.kind, proposal.target, proposal.sources.joined(separator: ","),
                       proposal.pid.map(String.init) ?? "-", note.joined(separator: "; ")])
        }
        var out = proposals.isEmpty ? "No components found.\n" : table.render()
        if let changes {
            for name in changes.appeared { out += "new: \(name)\n" }
            for name in changes.missing { out += "missing: \(name) (saved, not found now)\n" }
            out += "saved \(proposals.count) component(s)\n"
        }
        return out
    }

    /// The report as JSON.
    public func json() -> String {
        var members: [(String, JSONValue)] = [
            ("schema_version", .int(1)),
            ("components", .array(proposals.map(Self.json))),
        ]
        if let changes {
            members.append(("appeared", .array(changes.appeared.map(JSONValue.string))))
            members.append(("missing", .array(changes.missing.map(JSONValue.string))))
        }
        return JSONWriter.render(.object(members)) + "\n"
    }

    /// A fragment a person can paste under the top level of `tta_config.yaml`.
    public func yaml() -> String {
        var out = "# Discovered by tta-monitor discover; review before use.\nmonitoring:\n  checks:\n"
        YAMLEmitter.emit(.array(proposals.map(\.checkSpec)), indent: 2, into: &out)
        return out
    }

    static func json(_ proposal: DiscoveryProposal) -> JSONValue {
        .object([
            ("name", .string(proposal.name)),
            ("kind", .string(proposal.kind)),
            ("target", .string(proposal.target)),
            ("sources", .array(proposal.sources.map(JSONValue.string))),
            ("found_in", .array(proposal.foundIn.map(JSONValue.string))),
            ("pid", proposal.pid.map { .int(Int64($0)) } ?? .null),
            ("process", .text(proposal.process)),
            ("notes", .array(proposal.notes.map(JSONValue.string))),
            ("check", proposal.checkSpec),
        ])
    }
}
