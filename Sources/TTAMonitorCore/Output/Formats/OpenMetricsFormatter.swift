/// The OpenMetrics 1.0 text of a run, for Prometheus — typically a file that
/// node_exporter's textfile collector reads, so samples carry no timestamps (the collector
/// stamps them at scrape time) and `--output` replaces the file atomically.
///
/// Families: `tta_monitor_check_status` (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN),
/// `tta_monitor_check_up` (1 for OK or WARNING), `tta_monitor_check_latency_seconds`,
/// `tta_monitor_check_certificate_expiry_seconds` (only for results whose details carry
/// `certificate.days_left` or `days_left`), each labelled `check` and `kind`; then
/// `tta_monitor_run_timestamp_seconds` and `tta_monitor_run_duration_seconds`.
/// Certificate time is in seconds, not days, because Prometheus wants base units
/// (`promtool check metrics` rejects a `_days` name).
public enum OpenMetricsFormatter {
    /// One metric family: its name, help, optional unit, and samples as (labels, value).
    struct Family {
        var name: String
        var help: String
        var unit: String?
        var samples: [(labels: [(String, String)], value: Double)]
    }

    /// Renders `report`, ending with `# EOF`.
    public static func render(_ report: CheckRunReport) -> String {
        families(report).filter { !$0.samples.isEmpty }.map(render).joined() + "# EOF\n"
    }

    static func families(_ report: CheckRunReport) -> [Family] {
        func labels(_ result: CheckResult) -> [(String, String)] { [("check", result.check), ("kind", result.kind)] }
        return [
            Family(name: "tta_monitor_check_status",
                   help: "Status of the check's latest run: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
                   samples: report.results.map { (labels($0), Double($0.status.rawValue)) }),
            Family(name: "tta_monitor_check_up",
                   help: "1 when the check's latest run was OK or WARNING, 0 when CRITICAL or UNKNOWN.",
                   samples: report.results.map { (labels($0), $0.status == .ok || $0.status == .warning ? 1 : 0) }),
            Family(name: "tta_monitor_check_latency_seconds", help: "Wall time of the check's latest probe.", unit: "seconds",
                   samples: report.results.compactMap { result in
                       result.latencyMs.flatMap { $0.isFinite ? (labels(result), $0 / 1_000) : nil }
                   }),
            Family(name: "tta_monitor_check_certificate_expiry_seconds",
                   help: "Time until the TLS certificate the check saw expires (its days left x 86400).", unit: "seconds",
                   samples: report.results.compactMap { result in
                       certificateDaysLeft(result).map { (labels(result), $0 * 86_400) }
                   }),
            Family(name: "tta_monitor_run_timestamp_seconds", help: "When the latest check run started, in seconds since the Unix epoch.",
                   unit: "seconds", samples: [([], Double(report.startedAt) / 1_000)]),
            Family(name: "tta_monitor_run_duration_seconds", help: "Wall time of the latest check run.", unit: "seconds",
                   samples: [([], report.durationMs / 1_000)]),
        ]
    }

    /// Days left on the certificate, from `details.certificate.days_left` or `details.days_left`.
    static func certificateDaysLeft(_ result: CheckResult) -> Double? {
        let value = result.details["certificate"]?["days_left"]?.number ?? result.details["days_left"]?.number
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    static func render(_ family: Family) -> String {
        var text = "# TYPE \(family.name) gauge\n"
        if let unit = family.unit { text += "# UNIT \(family.name) \(unit)\n" }
        text += "# HELP \(family.name) \(escaped(family.help, quote: false))\n"
        for sample in family.samples {
            text += family.name
            if !sample.labels.isEmpty {
                text += "{" + sample.labels.map { "\($0.0)=\"\(escaped($0.1, quote: true))\"" }.joined(separator: ",") + "}"
            }
            text += " \(number(sample.value))\n"
        }
        return text
    }

    /// Label values escape `\`, `"` and newline; HELP text escapes `\` and newline.
    static func escaped(_ text: String, quote: Bool) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\n", "\r\n": out += "\\n"
            case "\"" where quote: out += "\\\""
            default: out.append(character)
            }
        }
        return out
    }

    /// Microsecond precision is finer than any probe measures; whole numbers print bare.
    static func number(_ value: Double) -> String {
        PlainNumber.text(value, maximumFractionDigits: 6)
    }
}
