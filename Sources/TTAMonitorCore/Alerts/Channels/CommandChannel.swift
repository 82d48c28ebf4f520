/// `type: command`: runs a local program once per delivery pass with every notification as
/// one JSON document on stdin (`NotificationBatch`, one line) and the first notification in
/// `TTA_ALERT_*` environment variables. Exit 0 is delivered; anything else (a non-zero
/// exit, a signal, the timeout) is a failure retried on a later run.
///
/// It runs on the `command` check's machinery: its own thread, its own process group,
/// killed at the timeout, output capped.
public struct CommandChannel: Sendable {
    /// How much of the command's output is kept for the error message.
    static let maxOutputBytes = 4_096

    /// The program and its arguments (a config string becomes `/bin/sh -c STRING`).
    public var argv: [String]
    /// Extra environment variables (values of secret-named ones never shown).
    public var environment: [String: String] = [:]

    /// Reads the type's keys: command, environment.
    static func read(_ reader: inout MappingReader, channel: String) throws(ConfigError) -> CommandChannel {
        guard let commandNode = reader.node("command") else {
            throw reader.missingKeyError(["command"], "command channel '\(channel)' needs a 'command' (a string for /bin/sh, or a list)")
        }
        var command: CommandChannel
        if commandNode.scalar != nil {
            let line = try reader.shellCommand(commandNode, path: reader.keyPath("command"))
            guard !line.trimmingWhitespace().isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            command = CommandChannel(argv: ["/bin/sh", "-c", line])
        } else {
            guard let argv = try reader.commandList("command"), !argv.isEmpty, !argv[0].isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            command = CommandChannel(argv: argv)
        }
        if var environment = try reader.mapping("environment") {
            for pair in environment.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                environment.accept([key])
                command.environment[key] = try environment.string(pair.value, path: environment.keyPath(key))
            }
        }
        return command
    }

    /// `TTA_ALERT_*` for a pass: the first (oldest) notification's fields, the count and
    /// every notification id. The full set is on stdin.
    static func alertEnvironment(_ notifications: [AlertNotification], channel: String) -> [String: String] {
        guard let first = notifications.first else { return [:] }
        var variables: [String: String] = [
            "TTA_ALERT_CHANNEL": channel,
            "TTA_ALERT_COUNT": String(notifications.count),
            "TTA_ALERT_NOTIFICATION_IDS": notifications.map { String($0.notificationID) }.joined(separator: ","),
            "TTA_ALERT_NOTIFICATION_ID": String(first.notificationID),
            "TTA_ALERT_ID": first.alertID.map { String($0) } ?? "",
            "TTA_ALERT_EVENT": first.event.rawValue,
            "TTA_ALERT_RULE": first.rule,
            "TTA_ALERT_KIND": first.kind,
            "TTA_ALERT_COMPONENT": first.component ?? "",
            "TTA_ALERT_SEVERITY": first.severity,
            "TTA_ALERT_STATE": first.state,
            "TTA_ALERT_SUMMARY": first.summary,
            "TTA_ALERT_FINGERPRINT": first.fingerprint,
            "TTA_ALERT_RUNBOOK_URL": first.runbookURL ?? "",
            "TTA_ALERT_STARTS_AT": Timestamps.rfc3339(milliseconds: first.startsAt),
        ]
        if let value = first.value { variables["TTA_ALERT_VALUE"] = JSONWriter.format(value) }
        if let endsAt = first.endsAt { variables["TTA_ALERT_ENDS_AT"] = Timestamps.rfc3339(milliseconds: endsAt) }
        return variables
    }

    /// Runs the command once for all of `notifications`.
    func send(_ notifications: [AlertNotification], channel: AlertChannel, sentAt: Int64) async -> ChannelSendResult {
        var spec = CommandCheckSpec(argv: argv)
        // The channel's own variables may not pose as the alert's.
        spec.environment = environment.merging(Self.alertEnvironment(notifications, channel: channel.name)) { _, alert in alert }
        spec.maxOutputBytes = Self.maxOutputBytes
        let input = JSONWriter.render(NotificationBatch.document(notifications, channel: channel.name, sentAt: sentAt),
                                      pretty: false) + "\n"
        switch await CommandExecution.run(spec, timeout: channel.timeout, input: Array(input.utf8)) {
        case .failure(let failure):
            return .failed(channel.masking(failure.description))
        case .success(let outcome):
            let firstLine = String(decoding: outcome.output, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) } ?? ""
            let said = firstLine.isEmpty ? "" : ": \(firstLine)"
            switch outcome.ending {
            case .exited(0): return .delivered
            case .exited(let code): return .failed(channel.masking("command exited with \(code)\(said)"))
            case .signalled(let signal): return .failed(channel.masking("command killed by signal \(signal)\(said)"))
            case .timedOut: return .failed("command timed out after \(DurationParser.format(channel.timeout)) (killed)")
            case .statusLost: return .failed("command's exit status was lost (is SIGCHLD ignored?)")
            }
        }
    }
}
