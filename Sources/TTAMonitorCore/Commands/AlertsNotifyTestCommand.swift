#if canImport(Glibc)
import Glibc
#endif

/// `alerts notify-test CHANNEL`: writes a `test` notification to the outbox and delivers it
/// at once through one channel, so a person can see the whole path work (or why not)
/// before a real alert depends on it.
///
/// Exit 0 when the receiver accepted it, 75 (temporary failure) when not. A failed test
/// notification is not retried by later runs (it keeps its error for inspection); run the
/// command again once the receiver is fixed.
enum AlertsNotifyTestCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let config = try support.requiredConfig()
        guard let name = context.invocation.arguments.first else {
            throw UsageError("Missing channel name.", commandPath: context.invocation.commandPath)
        }
        let channel = try resolve(name, config: config, commandPath: context.invocation.commandPath)
        let database = try support.openDatabase(try support.databasePath(config: config), config: config)
        let now = WallClock.nowMilliseconds()
        let id = try OutboxStore(database: database).enqueue(testNotification(channel: channel.name, now: now),
                                                             channel: channel.name, now: now)
        let report = try await OutboxDelivery(database: database, config: config, now: now, environment: context.environment)
            .deliver(ids: [id], retryFailures: false)
        // A command channel that ignored SIGTERM at its timeout is killed a second later.
        _ = await CommandCheck.waitForTimedOutCommands()
        let outcome = report.channels.first
        let error = outcome == nil ? "the notification could not be claimed from the outbox" : outcome?.error
        context.console.out(context.wantsJSON
            ? json(channel: channel, id: id, error: error, durationMs: outcome?.durationMs ?? 0)
            : table(channel: channel, id: id, error: error, durationMs: outcome?.durationMs ?? 0, style: context.style))
        if let error {
            context.console.err("Error: the test notification to '\(channel.name)' was not delivered: \(error)\n")
            return .tempFail
        }
        return .ok
    }

    /// The configured channel called `name`; a usage error with a hint otherwise.
    static func resolve(_ name: String, config: MonitoringConfig, commandPath: [String]) throws(UsageError) -> AlertChannel {
        if let channel = config.alerts.channel(named: name) { return channel }
        let known = config.alerts.channels.map(\.name)
        var message = "Unknown channel '\(name)'."
        if let hint = EditDistance.suggestion(for: name, among: known) {
            message += " Did you mean '\(hint)'?"
        } else if known.isEmpty {
            message += " No channels are configured (monitoring.alerts.channels in \(config.sourcePath))."
        } else {
            message += " Configured: \(known.joined(separator: ", "))."
        }
        throw UsageError(message, commandPath: commandPath)
    }

    /// The notification a test sends: severity info, alertname `tta-monitor-test`.
    static func testNotification(channel: String, now: Int64) -> AlertNotification {
        AlertNotification(event: .test, alertID: nil, fingerprint: "test:\(channel)", rule: "notify-test", kind: "test",
                          component: nil, severity: AlertSeverity.info.rawValue, state: AlertState.firing.rawValue,
                          labels: [("alertname", "tta-monitor-test"), ("severity", AlertSeverity.info.rawValue)],
                          summary: "Test notification from tta-monitor on \(hostName()) through channel '\(channel)'",
                          startsAt: now, createdAt: now)
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "this host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "this host" : name
    }

    static func table(channel: AlertChannel, id: Int64, error: String?, durationMs: Double, style: TerminalStyle) -> String {
        // DETAIL only when there is one, so a success line has no trailing blanks.
        var headers = ["CHANNEL", "TYPE", "NOTIFICATION", "RESULT", "TIME"]
        var row = [channel.name, channel.type, "\(id)", error == nil ? "delivered" : "failed", Timestamps.latency(durationMs)]
        if let error {
            headers.append("DETAIL")
            row.append(error)
        }
        var table = TextTable(headers: headers, alignments: [.left, .left, .right, .left, .right, .left].prefix(headers.count).map { $0 })
        table.add(row)
        return table.render(header: style.bold)
    }

    static func json(channel: AlertChannel, id: Int64, error: String?, durationMs: Double) -> String {
        JSONWriter.render(.object([
            ("schema_version", .int(1)),
            ("channel", .string(channel.name)),
            ("type", .string(channel.type)),
            ("notification_id", .int(id)),
            ("delivered", .bool(error == nil)),
            ("duration_ms", .double(durationMs)),
            ("error", error.map { .string($0) } ?? .null),
        ])) + "\n"
    }
}
