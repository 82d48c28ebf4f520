/// What a `command` check runs. Only what the config file says is run, with a timeout;
/// its output is truncated.
public struct CommandCheckSpec: Sendable, Equatable {
    /// The program and its arguments (`["/usr/lib/nagios/plugins/check_load", "-w", "5"]`).
    /// A command given as one string in the config runs as `/bin/sh -c STRING`.
    public var argv: [String]
    /// Extra environment variables for the command.
    public var environment: [String: String] = [:]
    /// Working directory; the current one when nil.
    public var workingDirectory: String?
    /// Output kept, in bytes (the rest is read and dropped).
    public var maxOutputBytes: Int = 65_536
    /// Creates a spec.
    public init(argv: [String]) { self.argv = argv }
}

extension CommandCheckSpec: CheckSpec {
    static let kindName = "command"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        guard let commandNode = reader.node("command") else {
            throw reader.missingKeyError(["command"], "\(kindName) check '\(name)' needs a 'command' (a string for /bin/sh, or a list)")
        }
        var spec: CommandCheckSpec
        if commandNode.scalar != nil {
            let line = try reader.shellCommand(commandNode, path: reader.keyPath("command"))
            // An empty command runs nothing and always succeeds: a check that can only lie.
            guard !line.trimmingWhitespace().isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            spec = CommandCheckSpec(argv: ["/bin/sh", "-c", line])
        } else {
            guard let argv = try reader.commandList("command"), let program = argv.first, !program.trimmingWhitespace().isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            spec = CommandCheckSpec(argv: argv)
        }
        if var environment = try reader.mapping("environment") {
            for pair in environment.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                environment.accept([key])
                spec.environment[key] = try environment.string(pair.value, path: environment.keyPath(key))
            }
        }
        spec.workingDirectory = try reader.nonEmptyString("working_directory")
        spec.maxOutputBytes = try reader.int("max_output_bytes", range: 256...16_777_216) ?? 65_536
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await CommandCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("command", .array(CommandLineMasker.mask(argv: argv).map { .string($0) }))]
        if !environment.isEmpty {
            members.append(("environment", .object(environment.keys.sorted().map {
                ($0, .string(SecretMasker.isSecretName($0) ? SecretMasker.mask : environment[$0]!))
            })))
        }
        if let workingDirectory { members.append(("working_directory", .string(workingDirectory))) }
        members.append(("max_output_bytes", .int(Int64(maxOutputBytes))))
        return members
    }

    var secretForms: [String] {
        environment.filter { SecretMasker.isSecretName($0.key) }.flatMap { SecretVariants.forms(of: $0.value) }
    }
}
