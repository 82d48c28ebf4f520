/// `tta-monitor retention purge`: removes what is past its retention window (see
/// `RetentionPurge`), or with `--dry-run` says exactly what a real run would remove.
enum RetentionCommand {
    static func purge(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let config = try support.optionalConfig()
        let path = try support.databasePath(config: config)
        guard support.locator.exists(path) else {
            throw StoreError.missing("no database yet; nothing to purge (run 'tta-monitor check' first, or pass --db)", path: path)
        }
        let options = RetentionPurgeOptions(invocation: context.invocation)
        let datasets = options.datasets
        let retention = config?.retention ?? RetentionConfig()
        let dryRun = options.dryRun
        let console = context.console
        let showProgress = console.stderrIsTerminal && !context.quiet
        // SQLite blocks for the whole purge: keep it off the cooperative pool.
        let result = await BlockingCall.run { () -> Result<RetentionPurge.Outcome, StoreError> in
            do throws(StoreError) {
                let purge = RetentionPurge(database: try support.openDatabase(path, config: config), config: retention,
                                           now: WallClock.nowMilliseconds())
                var lastShown: Int64 = 0
                return .success(try purge.run(datasets, dryRun: dryRun, progress: showProgress ? { dataset, rows in
                    guard rows - lastShown >= 50_000 else { return }
                    lastShown = rows
                    console.err("\r\(dataset.rawValue): \(rows) rows removed…")
                } : nil))
            } catch {
                return .failure(error)
            }
        }
        let outcome = try result.get()
        if showProgress { console.err("\r\u{1B}[K") }
        if context.verbose { context.note(timings(outcome)) }
        console.out(context.wantsJSON ? json(outcome) : table(outcome, style: context.style))
        return .ok
    }

    static func table(_ outcome: RetentionPurge.Outcome, style: TerminalStyle) -> String {
        var table = TextTable(headers: ["DATASET", "WINDOW", "CUTOFF", outcome.dryRun ? "WOULD REMOVE" : "REMOVED", "ROLLUP HOURS", "NOTE"],
                              alignments: [.left, .right, .left, .right, .right, .left])
        for result in outcome.datasets {
            table.add([result.dataset.rawValue, DurationParser.format(.milliseconds(result.windowMs)),
                       Timestamps.rfc3339(milliseconds: result.cutoff), "\(result.rows)",
                       result.dataset == .checks ? "\(result.rollupHours)" : "-", result.note ?? ""])
        }
        var text = table.render(header: style.bold)
        let seconds = Timestamps.formatFixed(Double(outcome.finishedAt - outcome.startedAt) / 1_000, digits: 2)
        if outcome.dryRun {
            text += "\nDry run: would remove \(outcome.rowsRemoved) rows; nothing changed (\(seconds) s).\n"
        } else {
            text += "\nRemoved \(outcome.rowsRemoved) rows, reclaimed \(outcome.bytesReclaimed) bytes in \(seconds) s.\n"
            if outcome.convertedToIncremental {
                text += "Converted the database to incremental auto-vacuum (one-time full VACUUM).\n"
            }
        }
        return text
    }

    /// Where the time went, for `-v`: each phase, and the longest time the purge held the
    /// write lock (what a concurrent `check` may have waited).
    static func timings(_ outcome: RetentionPurge.Outcome) -> String {
        func ms(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return "\(seconds * 1_000 + attoseconds / 1_000_000_000_000_000) ms"
        }
        var parts = outcome.phases.map { "\($0.name) \(ms($0.duration))" }
        if outcome.transactions > 0 {
            parts.append("\(outcome.transactions) write transactions, longest \(ms(outcome.longestTransaction)), "
                         + "\(ms(outcome.betweenTransactions)) between them (pauses for other writers, "
                         + "\(outcome.checkpointCatchUps) waits for the checkpoint to catch up)")
        }
        return "purge timings: " + parts.joined(separator: ", ")
    }

    static func json(_ outcome: RetentionPurge.Outcome) -> String {
        let document: JSONValue = .object([
            ("schema_version", .int(1)),
            ("dry_run", .bool(outcome.dryRun)),
            ("started_at", .string(Timestamps.rfc3339(milliseconds: outcome.startedAt))),
            ("duration_ms", .int(outcome.finishedAt - outcome.startedAt)),
            ("rows_removed", .int(outcome.rowsRemoved)),
            ("bytes_reclaimed", .int(outcome.bytesReclaimed)),
            ("converted_to_incremental_vacuum", .bool(outcome.convertedToIncremental)),
            ("datasets", .array(outcome.datasets.map { result in
                .object([
                    ("name", .string(result.dataset.rawValue)),
                    ("window_ms", .int(result.windowMs)),
                    ("cutoff", .string(Timestamps.rfc3339(milliseconds: result.cutoff))),
                    ("rows", .int(result.rows)),
                    ("tables", .object(result.tables.map { ($0.table, .int($0.rows)) })),
                    ("rollup_hours", .int(result.rollupHours)),
                    ("note", result.note.map { .string($0) } ?? .null),
                ])
            })),
        ])
        return JSONWriter.render(document) + "\n"
    }
}
