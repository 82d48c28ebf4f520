/// The `table` report: one aligned line per check, then a summary line.
public enum CheckTableFormatter {
    /// Renders `report`; `verbose` adds each check's details as compact JSON.
    public static func render(_ report: CheckRunReport, style: TerminalStyle, verbose: Bool) -> String {
        let results = report.results
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
        text += "\n\(style.status(report.worst)): \(results.count) checks, \(report.count(.ok)) OK, "
            + "\(report.count(.warning)) WARNING, \(report.count(.critical)) CRITICAL, \(report.count(.unknown)) UNKNOWN"
        if !failing.isEmpty { text += " (not OK: \(NameList.abbreviated(failing)))" }
        text += " in \(Timestamps.latency(report.durationMs))"
        text += report.runID.map { ", stored as run \($0)\n" } ?? ", not stored\n"
        return text
    }
}
