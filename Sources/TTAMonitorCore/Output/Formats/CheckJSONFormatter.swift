/// The `json` report: one document with `schema_version`, for `jq` and scripts.
public enum CheckJSONFormatter {
    /// Renders `report` as an indented document ending in a newline.
    public static func render(_ report: CheckRunReport) -> String {
        let document: JSONValue = .object([
            ("schema_version", .int(1)),
            ("run_id", report.runID.map { .int($0) } ?? .null),
            ("started_at", .string(Timestamps.rfc3339(milliseconds: report.startedAt))),
            ("duration_ms", .double(rounded(report.durationMs))),
            ("status", .string(report.worst.description)),
            ("exit_code", .int(Int64(report.exitCode.rawValue))),
            ("summary", .object([
                ("total", .int(Int64(report.results.count))),
                ("ok", .int(Int64(report.count(.ok)))),
                ("warning", .int(Int64(report.count(.warning)))),
                ("critical", .int(Int64(report.count(.critical)))),
                ("unknown", .int(Int64(report.count(.unknown)))),
            ])),
            ("checks", .array(report.results.map { result in
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
    private static func rounded(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }
}
