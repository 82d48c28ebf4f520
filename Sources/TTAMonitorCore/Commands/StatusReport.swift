/// One component's line in `status`.
struct StatusRow {
    let name: String
    let kind: String
    let critical: Bool
    let state: StatusQuery.ComponentState?
    let stats: StatusQuery.WindowStats?
    let now: Int64
    let staleAfterMs: Int64

    var ageMs: Int64? { state?.lastTimestamp.map { now - $0 } }

    /// Stale data is not evidence the component is fine: it shows as UNKNOWN. A result from
    /// the future (stored while the clock ran ahead) is stale too, however new it looks.
    var isStale: Bool { ageMs.map { $0 > staleAfterMs } ?? false || isFromFuture }

    /// The latest result is stamped beyond `FutureResults.horizon`.
    var isFromFuture: Bool { state?.lastTimestamp.map { FutureResults.isFromFuture($0, now: now) } ?? false }

    var status: CheckStatus {
        guard let last = state?.lastStatus else { return .unknown }
        return isStale ? .unknown : last
    }

    var message: String {
        guard let state, state.lastStatus != nil else { return "never checked" }
        if isFromFuture, let ageMs {
            return "stale: last result stamped \(Timestamps.age(milliseconds: -ageMs)) in the future (the clock was ahead when it was stored)"
        }
        if isStale, let ageMs {
            return "stale: last result \(Timestamps.age(milliseconds: ageMs)) ago (limit \(Timestamps.age(milliseconds: staleAfterMs)))"
        }
        return state.lastMessage ?? ""
    }
}

/// The `status` output for people and for `jq`.
struct StatusReport {
    let rows: [StatusRow]
    let now: Int64
    let window: Duration
    let databasePath: String
    var lastPurge: StatusQuery.PurgeRecord? = nil
    /// The serve process running on this database, if one is.
    var serve: ServeLockHolder? = nil

    var overall: CheckStatus { CheckStatus.worst(of: rows.map(\.status)) }

    /// `healthy` / `degraded` / `down` / `unknown`: one word for dashboards and people.
    var health: String {
        if rows.contains(where: { $0.status == .critical && $0.critical }) { return "down" }
        switch overall {
        case .ok: return "healthy"
        case .warning, .critical: return "degraded"
        case .unknown: return "unknown"
        }
    }

    func table(style: TerminalStyle) -> String {
        // "24h" reads better than "1d" for the usual windows.
        let ms = window.milliseconds
        let windowText = ms % 3_600_000 == 0 && ms <= 172_800_000 ? "\(ms / 3_600_000)h" : DurationParser.format(window)
        var table = TextTable(
            headers: ["COMPONENT", "STATUS", "SINCE", "LAST", "AVAIL \(windowText)", "P50", "P95", "MESSAGE"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .left])
        for row in rows {
            let since = row.state?.statusSince.map { Timestamps.age(milliseconds: now - $0) } ?? "-"
            let last = row.ageMs.map { row.isFromFuture ? "in " + Timestamps.age(milliseconds: -$0) : Timestamps.age(milliseconds: $0) + " ago" } ?? "-"
            let availability = row.stats?.availabilityPercent.map { Timestamps.formatFixed($0, digits: 2) + "%" } ?? "-"
            table.add([row.name + (row.critical ? " *" : ""), style.status(row.status), since, last, availability,
                       Timestamps.latency(row.stats?.p50), Timestamps.latency(row.stats?.p95), row.message])
        }
        var text = rows.isEmpty ? "No components configured or recorded.\n" : table.render(header: style.bold)
        let failing = rows.filter { $0.status != .ok }.map(\.name)
        text += "\nOverall: \(style.status(overall)) (\(health))"
        text += failing.isEmpty ? ", \(rows.count) components OK" : ", not OK: \(NameList.abbreviated(failing))"
        if rows.contains(where: \.critical) { text += "  (* critical component)" }
        if let serve { text += "\nserve: running (\(serve.summary))" }
        return text + "\n"
    }

    /// The latest purge_log row, so monitoring can alert when the nightly purge stops running.
    var lastPurgeJSON: JSONValue {
        guard let purge = lastPurge else { return .null }
        let datasets: JSONValue = (try? JSONParser.parse(purge.details)) ?? .null
        return .object([
            ("started_at", .string(Timestamps.rfc3339(milliseconds: purge.startedAt))),
            ("finished_at", .string(Timestamps.rfc3339(milliseconds: purge.finishedAt))),
            ("dry_run", .bool(purge.dryRun)),
            ("rows_removed", .int(purge.rowsRemoved)),
            ("bytes_reclaimed", .int(purge.bytesReclaimed)),
            ("datasets", datasets),
        ])
    }

    /// `serve`: the serve process on this database, or null.
    var serveJSON: JSONValue { serve?.json ?? .null }

    func json() -> String {
        func count(_ status: CheckStatus) -> JSONValue { .int(Int64(rows.filter { $0.status == status }.count)) }
        let document: JSONValue = .object([
            ("schema_version", .int(1)),
            ("generated_at", .string(Timestamps.rfc3339(milliseconds: now))),
            ("database", .string(databasePath)),
            ("window_ms", .int(window.milliseconds)),
            ("last_purge", lastPurgeJSON),
            ("serve", serveJSON),
            ("overall", .object([
                ("status", .string(overall.description)),
                ("health", .string(health)),
                ("components", .int(Int64(rows.count))),
                ("ok", count(.ok)), ("warning", count(.warning)), ("critical", count(.critical)), ("unknown", count(.unknown)),
            ])),
            ("components", .array(rows.map { row in
                .object([
                    ("name", .string(row.name)),
                    ("kind", .string(row.kind)),
                    ("critical", .bool(row.critical)),
                    ("status", .string(row.status.description)),
                    ("last_status", row.state?.lastStatus.map { .string($0.description) } ?? .null),
                    ("stale", .bool(row.isStale)),
                    ("since", row.state?.statusSince.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
                    ("last_checked_at", row.state?.lastTimestamp.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
                    ("last_check_age_ms", row.ageMs.map { .int($0) } ?? .null),
                    ("consecutive", .int(row.state?.consecutive ?? 0)),
                    ("message", .string(row.message)),
                    ("window", .object([
                        ("checks", .int(Int64(row.stats?.total ?? 0))),
                        ("availability_percent", row.stats?.availabilityPercent.map { .double(($0 * 1_000).rounded() / 1_000) } ?? .null),
                        ("latency_p50_ms", .number(row.stats?.p50)),
                        ("latency_p95_ms", .number(row.stats?.p95)),
                    ])),
                ])
            })),
        ])
        return JSONWriter.render(document) + "\n"
    }
}
