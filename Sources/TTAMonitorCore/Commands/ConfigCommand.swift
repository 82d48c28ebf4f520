/// `tta-monitor config validate|show`.
enum ConfigCommand {
    static func validate(_ context: CommandContext) async throws -> ExitCode {
        let loaded = Result { () throws(ConfigError) -> MonitoringConfig in
            let config = try CommandSupport(context: context).requiredConfig()
            try config.requireChecks()
            return config
        }
        let config: MonitoringConfig
        switch loaded {
        case .success(let loadedConfig):
            config = loadedConfig
        case .failure(let error):
            // A script asked for JSON gets its answer on stdout for a bad file too; the
            // problems still go to stderr for whoever reads the terminal.
            if context.wantsJSON {
                let file = error.location?.file ?? context.configOption
                context.console.out(JSONWriter.render(ConfigProblemsReport.json(error, file: file)) + "\n")
            }
            throw error
        }
        var kinds: [String: Int] = [:]
        for check in config.checks { kinds[check.kind.name, default: 0] += 1 }
        let kindSummary = kinds.keys.sorted().map { "\($0) \(kinds[$0]!)" }.joined(separator: ", ")
        if context.wantsJSON {
            let document: JSONValue = .object([
                ("schema_version", .int(1)),
                ("file", .string(config.sourcePath)),
                ("valid", .bool(true)),
                ("has_monitoring_section", .bool(config.hasMonitoringSection)),
                ("enabled", .bool(config.enabled)),
                ("checks", .int(Int64(config.checks.count))),
                ("kinds", .object(kinds.keys.sorted().map { ($0, .int(Int64(kinds[$0]!))) })),
            ])
            context.console.out(JSONWriter.render(document) + "\n")
        } else {
            var line = "\(config.sourcePath): OK, \(config.checks.count) checks"
            if !kindSummary.isEmpty { line += " (\(kindSummary))" }
            if !config.hasMonitoringSection { line += "; the file has no monitoring: section" }
            if !config.enabled { line += "; monitoring is disabled" }
            context.console.out(line + "\n")
        }
        return .ok
    }

    static func show(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let config = try support.requiredConfig()
        let effective = EffectiveConfig(config: config, databasePath: try support.databasePath(config: config))
        context.console.out(context.wantsJSON ? JSONWriter.render(effective.json) + "\n" : effective.yaml)
        return .ok
    }
}
