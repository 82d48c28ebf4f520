/// The results of one `check` run, rendered for people or for `jq`.
struct CheckReport {
    let results: [CheckResult]
    let runID: Int64?
    let startedAt: Int64
    let durationMs: Double
    let failOn: CheckStatus

    var worst: CheckStatus { CheckStatus.worst(of: results.map(\.status)) }

    /// The worst status, ignoring WARNING when only CRITICAL should fail the run.
    var exitCode: ExitCode {
        let counted = results.map(\.status).filter { failOn == .warning || $0 != .warning }
        return ExitCode(CheckStatus.worst(of: counted))
    }

    func count(_ status: CheckStatus) -> Int { results.filter { $0.status == status }.count }

    func table(style: TerminalStyle, verbose: Bool) -> String {
        var table = TextTable(headers: ["CHECK", "KIND", "STATUS", "LATENCY", "MESSAGE"],
                              alignments: [.left, .left, .left, .right, .left])
        for result in results {
            table.add([result.check, result.kind, style.status(result.status), Timestamps.latency(result.latencyMs),
                       result.message])
        }
        var text = table.render(header: style.bold)
        if verbose {
            text += "\n"
            for result in results {
                text += "\(result.check): \(JSONWriter.render(result.details, pretty: false))\n"
            }
        }
        let failing = results.filter { $0.status != .ok }.map(\.check)
        text += "\n\(style.status(worst)): \(results.count) checks, \(count(.ok)) OK, \(count(.warning)) WARNING, "
            + "\(count(.critical)) CRITICAL, \(count(.unknown)) UNKNOWN"
        if !failing.isEmpty { text += " (not OK: \(NameList.abbreviated(failing)))" }
        text += " in \(Timestamps.latency(durationMs))"
        text += runID.map { ", stored as run \($0)\n" } ?? ", not stored\n"
        return text
    }

    func json() -> String {
        let document: JSONValue = .object([
            ("schema_version", .int(1)),
            ("run_id", runID.map { .int($0) } ?? .null),
            ("started_at", .string(Timestamps.rfc3339(milliseconds: startedAt))),
            ("duration_ms", .double(rounded(durationMs))),
            ("status", .string(worst.description)),
            ("exit_code", .int(Int64(exitCode.rawValue))),
            ("summary", .object([
                ("total", .int(Int64(results.count))),
                ("ok", .int(Int64(count(.ok)))),
                ("warning", .int(Int64(count(.warning)))),
                ("critical", .int(Int64(count(.critical)))),
                ("unknown", .int(Int64(count(.unknown)))),
            ])),
            ("checks", .array(results.map { result in
                .object([
                    ("name", .string(result.check)),
                    ("kind", .string(result.kind)),
                    ("status", .string(result.status.description)),
                    ("latency_ms", result.latencyMs.map { .double(rounded($0)) } ?? .null),
                    ("message", .string(result.message)),
                    ("started_at", .string(Timestamps.rfc3339(milliseconds: result.startedAt))),
                    ("details", result.details),
                ])
            })),
        ])
        return JSONWriter.render(document) + "\n"
    }

    /// Three decimals are plenty for milliseconds and keep documents readable.
    private func rounded(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }
}

/// A list of names for one summary line: the first few, then how many more.
enum NameList {
    static func abbreviated(_ names: [String], limit: Int = 8) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
