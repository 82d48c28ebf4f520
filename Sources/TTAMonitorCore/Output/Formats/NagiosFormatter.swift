/// The monitoring-plugins output of a run, as Nagios, Icinga, Naemon and Sensu read a
/// plugin's: a status line with perfdata after `|`, then one long-output line per check,
/// worst first. The status word is the verdict, so it always agrees with the exit status.
///
/// `TTA-MONITOR CRITICAL - 2 of 9 checks failing: redis, player-api | 'redis_latency'=0.4ms;300;1000;0 …`
public enum NagiosFormatter {
    /// Renders `report`.
    public static func render(_ report: CheckRunReport) -> String {
        var statusLine = "TTA-MONITOR \(report.verdict) - \(summary(report))"
        let perfdata = report.results.flatMap { perfdataItems($0, in: report) }
        if !perfdata.isEmpty { statusLine += " | " + perfdata.map(render).joined(separator: " ") }
        let longOutput = report.worstFirst.map { "[\($0.status)] \(oneLine($0.check)): \(oneLine($0.message))" }
        return ([statusLine] + longOutput).joined(separator: "\n") + "\n"
    }

    /// `9 checks OK`, or `2 of 9 checks failing: redis, player-api`, naming WARNINGs that
    /// `--fail-on critical` leaves out of the verdict so that nobody wonders where they went.
    static func summary(_ report: CheckRunReport) -> String {
        let total = report.results.count
        let noun = total == 1 ? "check" : "checks"
        let ordered = report.worstFirst
        let failing = ordered.filter { report.fails($0.status) }.map { oneLine($0.check) }
        let ignored = ordered.filter { $0.status != .ok && !report.fails($0.status) }.map { oneLine($0.check) }
        if failing.isEmpty, ignored.isEmpty { return "\(total) \(noun) OK" }
        var text = "\(failing.count) of \(total) \(noun) failing"
        if !failing.isEmpty { text += ": " + NameList.abbreviated(failing) }
        if !ignored.isEmpty {
            text += "; \(ignored.count) \(ignored.count == 1 ? "warning" : "warnings") ignored (--fail-on critical): "
                + NameList.abbreviated(ignored)
        }
        return text
    }

    /// The latency of every result that has one, with its check's thresholds, then the
    /// result's own perfdata; labels are prefixed with the check name so they stay unique.
    static func perfdataItems(_ result: CheckResult, in report: CheckRunReport) -> [PerfdataItem] {
        var items: [PerfdataItem] = []
        if let latency = result.latencyMs, latency.isFinite {
            let limits = report.latencyThresholds[result.check].map(levels)
            items.append(PerfdataItem(label: "\(result.check)_latency", value: (latency * 1_000).rounded() / 1_000,
                                      unit: "ms", warning: limits?.warning, critical: limits?.critical, minimum: 0))
        }
        for item in result.perfdata where item.value.isFinite {
            var prefixed = item
            prefixed.label = "\(result.check)_\(item.label)"
            items.append(prefixed)
        }
        return items
    }

    /// Threshold ranges in the plugins' syntax: `300` alerts above 300, `30:` below 30.
    static func levels(_ thresholds: Thresholds) -> (warning: String?, critical: String?) {
        func range(_ limit: Double?) -> String? {
            guard let limit, limit.isFinite else { return nil }
            return PlainNumber.text(limit) + (thresholds.lowerIsWorse ? ":" : "")
        }
        return (range(thresholds.warning), range(thresholds.critical))
    }

    /// `'label'=value[UOM];warn;crit;min;max`, trailing empty fields left out. The label is
    /// always quoted, with `'` doubled and `=` (which no parser accepts in a label) replaced.
    static func render(_ item: PerfdataItem) -> String {
        var label = ""
        for character in item.label {
            switch character {
            case "'": label += "''"
            case "=", "|": label += "_"
            case _ where character.isNewline || character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }):
                label += "_"
            default: label.append(character)
            }
        }
        var fields = [PlainNumber.text(item.value) + item.unit, level(item.warning), level(item.critical),
                      item.minimum.map(PlainNumber.text) ?? "", item.maximum.map(PlainNumber.text) ?? ""]
        while fields.count > 1, fields.last?.isEmpty == true { fields.removeLast() }
        return "'\(label)'=" + fields.joined(separator: ";")
    }

    /// Range text keeps only the characters the range grammar uses (`~`, `@`, `:`, digits …),
    /// so a stray `;`, space or `|` can never shift the fields after it.
    private static func level(_ text: String?) -> String {
        guard let text else { return "" }
        return String(text.filter { $0.isASCII && ($0.isNumber || "@~:.-+eE".contains($0)) })
    }

    /// One line with no `|`: the plugin API reads a `|` anywhere in the output as the start
    /// of perfdata, and a newline as the start of another long-output line.
    static func oneLine(_ text: String) -> String {
        String(text.map { character -> Character in
            if character == "|" { return "/" }
            if character.isNewline || character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return " "
            }
            return character
        })
    }
}
