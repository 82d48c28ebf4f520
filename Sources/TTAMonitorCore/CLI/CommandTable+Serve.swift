/// `serve`: the resident mode.
extension CommandTable {
    static let serve = CommandSpec(
        "serve",
        summary: "Run every check at its own interval, alert, and serve HTTP, until stopped.",
        discussion: """
        Stay resident: run each configured check at its own interval (check.interval, else \
        monitoring.defaults.interval, else 60s; at least 1s), the first runs spread over the interval, \
        through the same pipeline, database and alert rules as 'check'. Alerts are evaluated after \
        each result; the outbox is delivered at once and retried on a timer. SIGHUP or a changed \
        config file reloads the config (a broken file is logged and the old config stays in force); \
        SIGTERM or SIGINT stops gracefully (exit 0). One serve per database: a second one exits 75. \
        Logs go to stderr, one event per line.
        """,
        options: [
            OptionSpec(CommandOptions.Serve.listen, value: "addr:port", help: "Address for the HTTP server (default: 127.0.0.1 on serve's port)."),
            OptionSpec(CommandOptions.Serve.noHTTP, help: "Run the checks only; serve no HTTP."),
            OptionSpec(CommandOptions.Serve.logFormat, value: "format", help: "Log line format (default: logfmt).",
                       allowed: ServeLogFormat.allCases.map(\.rawValue)),
        ],
        examples: ["tta-monitor serve", "tta-monitor serve --no-http --log-format json",
                   "tta-monitor serve --listen 127.0.0.1:9464"],
        action: ServeCommand.run
    )
}
