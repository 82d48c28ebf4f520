/// `tta-monitor carbon import FILE…`: stores the rows of CodeCarbon emissions files that are
/// not stored yet. Malformed rows are reported as `FILE:LINE: reason` on stderr and skipped;
/// the exit status is then 65 (66 when a file is missing), after every file was processed.
enum CarbonImportCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let config = try support.optionalConfig()
        let path = try support.databasePath(config: config)
        let files = context.invocation.arguments
        if context.console.stderrIsTerminal, !context.quiet { context.console.err("Importing \(files.count) file(s)…\r") }
        let outcomes = try await importAll(files, databasePath: path, workingDirectory: context.workingDirectory,
                                         support: support, config: config)
        if context.console.stderrIsTerminal, !context.quiet { context.console.err("\u{1B}[K") }
        for outcome in outcomes { reportProblems(outcome, context: context) }
        if context.wantsJSON {
            context.console.out(JSONWriter.render(.object([("schema_version", .int(1)), ("files", .array(outcomes.map(json)))])) + "\n")
        } else if !context.quiet {
            context.console.out(table(outcomes, style: context.style))
        }
        return exitCode(outcomes)
    }

    /// Imports every file in one database session, off the cooperative pool.
    static func importAll(_ files: [String], databasePath: String, workingDirectory: String,
                          support: CommandSupport, config: MonitoringConfig?) async throws(StoreError) -> [CodeCarbonImporter.Outcome] {
        let result = await BlockingCall.run { () -> Result<[CodeCarbonImporter.Outcome], StoreError> in
            do throws(StoreError) {
                let store = CarbonRunStore(database: try support.openDatabase(databasePath, config: config))
                var outcomes: [CodeCarbonImporter.Outcome] = []
                for file in files {
                    outcomes.append(try CodeCarbonImporter.importFile(file, workingDirectory: workingDirectory, store: store))
                }
                return .success(outcomes)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Malformed rows and unreadable files, one stderr line each (shown even with --quiet,
    /// since they decide the exit status).
    static func reportProblems(_ outcome: CodeCarbonImporter.Outcome, context: CommandContext, prefix: String = "Error: ") {
        // Reasons quote the file's cells, which whoever writes the CSV controls.
        func line(_ text: String) { context.console.err(TerminalSafeText.neutralise(text) + "\n") }
        if let failure = outcome.failure { line(prefix + failure.description) }
        for row in outcome.malformed { line("\(prefix)\(outcome.file):\(row.line): \(row.reason); row skipped") }
    }

    /// 66 when a file is missing, else 65 when any file or row was bad, else 0.
    static func exitCode(_ outcomes: [CodeCarbonImporter.Outcome]) -> ExitCode {
        if outcomes.contains(where: { $0.failure?.exitCode == .noInput }) { return .noInput }
        if outcomes.contains(where: { $0.failure != nil || !$0.malformed.isEmpty }) { return .dataError }
        return .ok
    }

    static func table(_ outcomes: [CodeCarbonImporter.Outcome], style: TerminalStyle) -> String {
        var table = TextTable(headers: ["FILE", "ROWS", "IMPORTED", "ALREADY PRESENT", "MALFORMED"],
                              alignments: [.left, .right, .right, .right, .right])
        for outcome in outcomes {
            if outcome.failure != nil {
                table.add([outcome.file, "-", "-", "-", "-"])
            } else {
                table.add([outcome.file, "\(outcome.rows)", "\(outcome.imported)", "\(outcome.alreadyPresent)", "\(outcome.malformed.count)"])
            }
        }
        return table.render(header: style.bold)
    }

    static func json(_ outcome: CodeCarbonImporter.Outcome) -> JSONValue {
        .object([
            ("file", .string(outcome.file)),
            ("rows", .int(Int64(outcome.rows))),
            ("imported", .int(Int64(outcome.imported))),
            ("already_present", .int(Int64(outcome.alreadyPresent))),
            ("malformed", .array(outcome.malformed.map { .object([("line", .int(Int64($0.line))), ("reason", .string($0.reason))]) })),
            ("error", .text(outcome.failure?.description)),
        ])
    }
}
