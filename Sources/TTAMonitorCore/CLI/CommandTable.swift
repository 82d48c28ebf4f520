/// The whole command tree. Help, completions and the man page are checked against it by tests,
/// so this is the one place a command or option is declared.
public enum CommandTable {
    /// Options valid before or after any command.
    public static let globalOptions: [OptionSpec] = [
        OptionSpec(CommandOptions.Global.config, value: "path", help: "Config file (default: $TTA_CONFIG, ./config/tta_config.yaml, ./tta_config.yaml)."),
        OptionSpec(CommandOptions.Global.db, value: "path", help: "Database file (default: monitoring.storage.path, $TTA_MONITOR_DB, $XDG_STATE_HOME/tta-monitor/monitor.db)."),
        OptionSpec(CommandOptions.Global.json, help: "Print one JSON document instead of text."),
        OptionSpec(CommandOptions.Global.noColor, help: "Never colour output (also: NO_COLOR=1)."),
        OptionSpec(CommandOptions.Global.quiet, short: "q", help: "Print only results and errors, no notes."),
        OptionSpec(CommandOptions.Global.verbose, short: "v", help: "Print more detail (check details, timings)."),
        OptionSpec(CommandOptions.Global.help, short: "h", help: "Show help for the command."),
        OptionSpec(CommandOptions.Global.version, help: "Print the version and exit."),
    ]

    /// The root of the tree (the tool itself).
    public static let root = CommandSpec(
        ToolVersion.name,
        summary: "Monitor the TTA platform: check its components, keep history, alert, report energy and carbon.",
        subcommands: [
            status, discover, check, serve, alerts, carbon, export, retention, config,
            CommandSpec("help", summary: "Show help for a command.",
                        arguments: [ArgumentSpec("command", help: "The command to explain.", variadic: true)]),
            CommandSpec("version", summary: "Print the version.", action: { context in
                context.console.out(ToolVersion.report(json: context.wantsJSON))
                return .ok
            }),
        ]
    )

    static let formatValues = ReportFormat.allCases.map(\.rawValue)

    static let status = CommandSpec(
        "status",
        summary: "Show the latest state of every component, from the database (probes nothing).",
        discussion: """
        Show the latest state of every component from the database: current status, since when, \
        age of the last check, availability and latency p50/p95 over the window. Results older than \
        3x the check's interval (3 minutes when none is set) count as UNKNOWN (stale). It probes \
        nothing: run 'tta-monitor check' (e.g. from cron) to record results. Exit status: the worst \
        component status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).
        """,
        options: [
            OptionSpec(CommandOptions.Status.component, value: "name", help: "Only these components (repeatable, or comma-separated).", repeatable: true),
            OptionSpec(CommandOptions.Status.window, value: "duration", help: "Window for availability and latency (default: 24h)."),
        ],
        examples: ["tta-monitor status", "tta-monitor status --component redis --window 7d", "tta-monitor status --json | jq '.overall.status'"],
        action: StatusCommand.run
    )

    static let discover = CommandSpec(
        "discover",
        summary: "Find running TTA components and offer them for monitoring.",
        discussion: """
        Look for TTA components in the config file (tta.dev/prototype/staging components, \
        player_experience ports and database URLs, agent_orchestration, LLM providers), docker compose \
        files next to it, listening TCP sockets (each identified by a short protocol probe: Redis, \
        Bolt, PostgreSQL, HTTP, else tcp; with the owning PID) and known TTA processes. What one \
        endpoint was seen as in several places becomes one proposed check. Passwords are never \
        printed: a URL's password becomes a ${NAME_PASSWORD} placeholder.
        """,
        options: [
            OptionSpec(CommandOptions.Discover.source, value: "sources", help: "Where to look (comma-separated; default: monitoring.discovery.sources, or config,compose,ports).", repeatable: true),
            OptionSpec(CommandOptions.Discover.compose, value: "file", help: "A docker compose file to read (repeatable; default: docker-compose*.yml and docker/compose/*.yml next to the config).", repeatable: true),
            OptionSpec(CommandOptions.Discover.save, help: "Record what was found in the database's component list; report what appeared and what went missing."),
            OptionSpec(CommandOptions.Discover.emitYAML, help: "Print a monitoring.checks YAML fragment to paste into the config."),
        ],
        examples: ["tta-monitor discover", "tta-monitor discover --source ports --json",
                   "tta-monitor discover --emit-yaml >> checks.yaml", "tta-monitor discover --save"],
        action: DiscoverCommand.run
    )

    static let check = CommandSpec(
        "check",
        summary: "Run checks now, store the results, and exit with the worst status.",
        discussion: """
        Run all configured checks (or the named ones) concurrently, store the results as one run, \
        print them, and exit with the worst status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. \
        Several reports can come from one run: '--output FORMAT=PATH' (repeatable) writes that \
        format to PATH, atomically; with such outputs stdout stays empty unless --format or --json is given.
        """,
        options: [
            OptionSpec(CommandOptions.Check.format, value: "format", help: "Output format (default: table; --json means json).", allowed: formatValues),
            OptionSpec(CommandOptions.Check.output, value: "file", help: "Write the report to a file instead of stdout; FORMAT=PATH writes that format there (repeatable).", repeatable: true),
            OptionSpec(CommandOptions.Check.failOn, value: "level", help: "Lowest status that makes the exit status non-zero (default: warning).", allowed: ["warning", "critical"]),
            OptionSpec(CommandOptions.Check.timeout, value: "duration", help: "Timeout for each check (default: monitoring.defaults.timeout, 5s)."),
            OptionSpec(CommandOptions.Check.concurrency, value: "n", help: "Checks in flight at once (default: monitoring.defaults.concurrency, 32)."),
            OptionSpec(CommandOptions.Check.noStore, help: "Do not write the results to the database."),
        ],
        arguments: [ArgumentSpec("name", help: "Checks to run (default: all).", variadic: true)],
        examples: ["tta-monitor check", "tta-monitor check redis player-api --timeout 2s", "tta-monitor check --fail-on critical --json",
                   "tta-monitor check --format nagios",
                   "tta-monitor check --output junit=report.xml --output openmetrics=/var/lib/node_exporter/textfile/tta.prom"],
        action: CheckCommand.run
    )

    static let retention = CommandSpec(
        "retention",
        summary: "Purge data past its retention window.",
        subcommands: [
            CommandSpec("purge", summary: "Roll up and delete old data.", options: [
                OptionSpec(CommandOptions.RetentionPurge.dryRun, help: "Show what would be removed."),
                OptionSpec(CommandOptions.RetentionPurge.dataset, value: "name", help: "Only these datasets.",
                           allowed: RetentionConfig.Dataset.allCases.map(\.rawValue), repeatable: true),
            ], action: RetentionCommand.purge),
        ]
    )

    static let config = CommandSpec(
        "config",
        summary: "Validate or show the configuration.",
        subcommands: [
            CommandSpec("validate", summary: "Check the config file and report every problem with file:line:column.",
                        examples: ["tta-monitor config validate --config tta_config.yaml"],
                        action: ConfigCommand.validate),
            CommandSpec("show", summary: "Print the effective monitoring config, defaults filled in, secrets masked.",
                        action: ConfigCommand.show),
        ]
    )
}
