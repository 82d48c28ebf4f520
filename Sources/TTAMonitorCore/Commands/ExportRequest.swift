#if canImport(Glibc)
import Glibc
#endif

/// The checked options of one `export` invocation.
struct ExportRequest: Sendable {
    /// `--format` (required).
    var format: ExportFormat
    /// `--report` (default `status`).
    var report: ExportReportKind
    /// `--since`/`--until` (default: the last 24 hours).
    var period: ExportPeriod
    /// `--check` names (empty: every component).
    var checks: [String]
    /// `--output` file; nil for standard output (also `-`).
    var outputPath: String?
    /// `--push` base URL.
    var pushURL: String?
    /// The time the export was asked for.
    var now: Int64
    /// Permissions of the `--output` file (`monitoring.storage.mode`, else 0600).
    var fileMode: mode_t = FileMode.privateData

    /// Validates the options; every mistake is a usage error (exit 64) found before the
    /// database is opened.
    init(context: CommandContext, now: Int64) throws(UsageError) {
        let invocation = context.invocation
        func usage(_ message: String) -> UsageError { UsageError(message, commandPath: invocation.commandPath) }
        let formats = InvocationParser.humanList(ExportFormat.allCases.map(\.rawValue))
        // The global --json alone asks for the JSON format; any other format must be named.
        guard let formatName = invocation.value(CommandOptions.Export.format) ?? (context.wantsJSON ? "json" : nil) else {
            throw usage("Missing '--format <format>'. Please provide one of \(formats).")
        }
        guard let format = ExportFormat(rawValue: formatName) else {
            throw usage("The value '\(formatName)' is invalid for '--format <format>'. Please provide one of \(formats).")
        }
        self.format = format
        report = invocation.value(CommandOptions.Export.report).flatMap(ExportReportKind.init(rawValue:)) ?? .status
        switch ExportPeriod.parse(since: invocation.value(CommandOptions.Export.since), until: invocation.value(CommandOptions.Export.until), now: now) {
        case .success(let period): self.period = period
        case .failure(let error): throw usage(error.message)
        }
        checks = invocation.list(CommandOptions.Export.check)
        let output = invocation.value(CommandOptions.Export.output)
        outputPath = output == "-" ? nil : output.map { path in
            path.hasPrefix("/") ? path : context.workingDirectory + "/" + path
        }
        pushURL = invocation.value(CommandOptions.Export.push)
        self.now = now
        if pushURL != nil, !format.isMetrics {
            throw usage("'--push <url>' sends metrics: use it with '--format prometheus' or '--format openmetrics'.")
        }
        if format == .pdf, outputPath == nil, context.console.stdoutIsTerminal {
            throw usage("Refusing to write PDF to a terminal. Use '--output FILE', or redirect standard output to a file or pipe.")
        }
    }
}
