/// The `command` check: runs a monitoring plugin or script and reads its verdict like
/// Nagios does: exit 0/1/2/3 is OK/WARNING/CRITICAL/UNKNOWN, the first output line is the
/// message, and performance data follows a `|`.
///
/// Only the configured argv runs, never through a shell unless the config gave a string
/// (the config loader then makes it `/bin/sh -c STRING`).
public enum CommandCheck {
    /// Runs `spec.argv` once. At the timeout its process group gets SIGTERM, then SIGKILL a
    /// second later; the result (CRITICAL) comes as soon as the SIGTERM went out.
    public static func run(name: String, spec: CommandCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        guard !spec.argv.isEmpty else {
            return CheckResult(check: name, kind: CommandCheckSpec.kindName, status: .unknown, startedAt: startedAt, latencyMs: nil,
                               message: "no command configured")
        }
        let executed = await CommandExecution.run(spec, timeout: timeout)
        let latency = stopwatch.elapsedMilliseconds
        switch executed {
        case .failure(let failure):
            return CheckResult(check: name, kind: CommandCheckSpec.kindName, status: .unknown, startedAt: startedAt, latencyMs: latency,
                               message: failure.description)
        case .success(let outcome):
            return judge(outcome, timeout: timeout, secrets: secretValues(spec), name: name, startedAt: startedAt,
                         latencyMs: latency)
        }
    }

    /// Waits (up to `limit`) until timed-out commands have been killed and reaped; call it
    /// before the process exits so that no command outlives the run. True when none is left.
    public static func waitForTimedOutCommands(upTo limit: Duration = .seconds(2)) async -> Bool {
        await CommandExecution.waitForUnfinished(upTo: limit)
    }

    static func judge(_ outcome: CommandOutcome, timeout: Duration, secrets: [String] = [], name: String,
                      startedAt: Int64, latencyMs: Double) -> CheckResult {
        var output = PluginOutput(parsing: String(decoding: outcome.output, as: UTF8.self))
        output.message = masking(secrets, in: output.message)
        output.longOutput = masking(secrets, in: output.longOutput)
        let status: CheckStatus
        var message: String
        var members: [(String, JSONValue)] = []
        switch outcome.ending {
        case .exited(let code):
            members.append(("exit_code", .int(Int64(code))))
            if let verdict = CheckStatus(rawValue: Int(code)) {
                status = verdict
                message = withoutStatusWord(output.message, status: verdict)
                if message.isEmpty { message = "no output (exit \(code))" }
            } else {
                status = .unknown
                message = "exited with \(code)" + (output.message.isEmpty ? "" : ": " + output.message)
            }
        case .signalled(let signal):
            members += [("exit_code", .null), ("signal", .int(Int64(signal)))]
            status = .unknown
            message = "killed by signal \(signal)" + (output.message.isEmpty ? "" : ": " + output.message)
        case .timedOut:
            members += [("exit_code", .null), ("timed_out", .bool(true))]
            status = .critical
            message = "timed out after \(timeout.milliseconds) ms (killed)"
        case .statusLost:
            members.append(("exit_code", .null))
            status = .unknown
            message = "exit status lost (is SIGCHLD ignored?)"
        }
        members += [
            ("output_bytes", .int(Int64(outcome.outputBytes))),
            ("truncated", .bool(outcome.truncated)),
            ("long_output", .string(output.longOutput)),
        ]
        if outcome.ending == .timedOut, !output.message.isEmpty { members.append(("first_line", .string(output.message))) }
        var result = CheckResult(check: name, kind: CommandCheckSpec.kindName, status: status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: .object(members))
        result.perfdata = output.perfdata
        return result
    }

    /// Values of secret-named environment entries (`DB_PASSWORD`, `API_TOKEN`): a plugin
    /// that echoes its configuration must not put them into stored messages. Very short
    /// values are left alone; masking every `1` in the output would garble it.
    static func secretValues(_ spec: CommandCheckSpec) -> [String] {
        spec.environment.filter { SecretMasker.isSecretName($0.key) && $0.value.count >= 4 }.map(\.value)
            .sorted { $0.count > $1.count }
    }

    private static func masking(_ secrets: [String], in text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: SecretMasker.mask) }
    }

    /// `WARNING: disk almost full` → `disk almost full` when the word repeats the verdict
    /// (check_dummy and many scripts print it), so tables do not say it twice. Prefixes
    /// such as `DISK OK -` are the plugin's own wording and stay.
    static func withoutStatusWord(_ message: String, status: CheckStatus) -> String {
        let word = status.description
        guard message.hasPrefix(word) else { return message }
        var rest = message.dropFirst(word.count)
        if rest.hasPrefix(":") {
            rest = rest.dropFirst()
        } else if rest.hasPrefix(" - ") || rest.hasPrefix(" -\t") {
            rest = rest.dropFirst(2)
        } else {
            return message
        }
        let trimmed = rest.trimmingWhitespace()
        return trimmed.isEmpty ? message : trimmed
    }
}
