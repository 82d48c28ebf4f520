#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor export`: the database as a report (PDF), rows (CSV, JSON, JSON Lines) or
/// the current state as metrics (OpenMetrics, Prometheus text, optionally pushed to a
/// Pushgateway). Everything but the push runs on a thread of its own: SQLite and file
/// writes block.
enum ExportCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        var asked = try ExportRequest(context: context, now: WallClock.nowMilliseconds())
        let support = CommandSupport(context: context)
        let config = try support.optionalConfig()
        asked.fileMode = config?.storageMode ?? FileMode.privateData
        let request = asked
        let path = try support.databasePath(config: config)
        guard support.locator.exists(path) else {
            throw StoreError.missing("no database yet; run 'tta-monitor check' first (or pass --db/--config)", path: path)
        }
        let host = hostName()
        let console = context.console
        let showProgress = console.stderrIsTerminal && !context.quiet
        var progress: (@Sendable (Int) -> Void)?
        if showProgress {
            progress = { @Sendable rows in console.err("\rexport: \(rows) rows…") }
        }
        let reportProgress = progress
        let outcome = await BlockingCall.run { () -> Result<String?, ExportFailure> in
            defer { if showProgress { console.err("\r\u{1B}[K") } }
            do {
                return .success(try ExportRun(request: request, databasePath: path, host: host, progress: reportProgress)
                    .perform(support: support))
            } catch let error as ReportableError {
                return .failure(ExportFailure(error: error))
            } catch {
                return .failure(ExportFailure(error: OutputError(message: "export failed: \(error)")))
            }
        }
        let pushText: String?
        switch outcome {
        case .success(let text): pushText = text
        case .failure(let failure): throw failure.error
        }
        if let url = request.pushURL, let pushText {
            try await PushgatewayClient.push(pushText, base: url, host: host)
            context.note("pushed \(pushText.split(separator: "\n").filter { !$0.hasPrefix("#") }.count) samples to "
                + URLRedaction.masked(PushgatewayClient.groupURL(base: url, host: host)))
        }
        return .ok
    }

    /// This machine's name, for the report header and the Pushgateway instance label.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    /// Carries a thrown error out of the blocking thread.
    struct ExportFailure: Error, @unchecked Sendable {
        var error: any ReportableError
    }
}
