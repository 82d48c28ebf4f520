/// `tta-monitor discover`: finds running TTA components and proposes checks for them.
enum DiscoverCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let locator = support.locator
        let options = DiscoverOptions(invocation: context.invocation)
        let configPath = try locator.configPath(explicit: context.configOption)
        // Without a config and without named sources there is nothing to go by but a scan of
        // every port on the host; ask instead of probing all of them unasked.
        if configPath == nil, options.sources.isEmpty {
            throw ConfigError.missingFile("no config file found (looked for $TTA_CONFIG, ./config/tta_config.yaml, ./tta_config.yaml); "
                                          + "pass --config PATH, or name the sources to use without one (--source ports,processes)")
        }
        var config: MonitoringConfig?
        var root: YAMLNode?
        if let configPath {
            let resolved = locator.resolve(configPath)
            config = try ConfigLoader(environment: context.environment).load(path: resolved)
            root = try ConfigDocument(text: try ConfigLoader.readFile(resolved), path: resolved).root
        }

        var requested: [DiscoverySource] = []
        for name in options.sources {
            guard let source = DiscoverySource(rawValue: name) else {
                throw UsageError("The value '\(name)' is invalid for '--source <sources>'. Please provide one of 'config', 'compose', 'ports' or 'processes'.",
                                 commandPath: context.invocation.commandPath)
            }
            if !requested.contains(source) { requested.append(source) }
        }
        let sources = requested.isEmpty ? (config?.discovery.sources ?? DiscoverySource.defaults) : requested
        if sources.contains(.config), root == nil {
            context.note("note: no config file found; the 'config' source has nothing to read (pass --config PATH)")
        }
        let composeFiles = ComposeFileSearch.files(explicit: options.composeFiles, config: config,
                                                   configPath: configPath, locator: locator, workingDirectory: context.workingDirectory)

        let discovery = Discovery(sources: sources, configRoot: root, composeFiles: composeFiles,
                                  environment: context.environment)
        let outcome = await discovery.run()
        for warning in outcome.warnings { context.note("warning: \(warning)") }

        var report = DiscoveryReport(proposals: outcome.proposals)
        if options.save {
            let database = try support.openDatabase(try support.databasePath(config: config), config: config)
            report.changes = try DiscoveredComponents(database: database).save(outcome.proposals, now: WallClock.nowMilliseconds())
        }
        let text: String
        if options.emitYAML {
            text = report.yaml()
        } else if context.wantsJSON {
            text = report.json()
        } else {
            text = report.table()
        }
        // Belt and braces: no literal secret of the config file is ever printed.
        let redactor = Redactor(categories: [], secrets: config?.secretValues ?? [])
        context.console.out(redactor.redact(text))
        return .ok
    }
}
