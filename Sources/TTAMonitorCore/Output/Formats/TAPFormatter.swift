/// The TAP version 14 report of a run: one test point per check, in configured order, each
/// with a YAML diagnostic block giving status, kind, message and latency.
///
/// The description is the check name alone, so a harness that tracks tests across runs sees
/// the same test every time; the message, which changes with every latency, lives in the
/// YAML block. OK is `ok`; CRITICAL and UNKNOWN are `not ok`. WARNING is `not ok` when it
/// fails the run (the default `--fail-on warning`); under `--fail-on critical` it is
/// `not ok … # TODO WARNING: message`, which TAP 14 defines as a failure that does not fail
/// the suite: the consumer agrees with the exit status, and still shows the warning.
public enum TAPFormatter {
    /// Renders `report`.
    public static func render(_ report: CheckRunReport) -> String {
        var lines = ["TAP version 14", "1..\(report.results.count)"]
        for (index, result) in report.results.enumerated() {
            let passed = result.status == .ok
            var line = "\(passed ? "ok" : "not ok") \(index + 1) - \(description(result.check))"
            if !passed, !report.fails(result.status) {
                line += " # TODO \(result.status): \(singleLine(result.message))"
            }
            lines.append(line)
            lines.append("  ---")
            lines.append("  status: \(result.status)")
            lines.append("  kind: \(result.kind)")
            lines.append("  message: \(yamlString(result.message))")
            if let latency = result.latencyMs, latency.isFinite {
                lines.append("  latency_ms: \(PlainNumber.text(latency, maximumFractionDigits: 3))")
            }
            lines.append("  ...")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A description on one line, with `\` and `#` escaped as TAP 14 requires, so that a
    /// name containing `# skip` can never turn into a directive.
    static func description(_ text: String) -> String {
        var out = ""
        for character in singleLine(text) {
            switch character {
            case "\\": out += "\\\\"
            case "#": out += "\\#"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text for a directive's reason or a description: control characters become spaces.
    static func singleLine(_ text: String) -> String {
        String(text.map { character in
            character.isNewline || character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? " " : character
        })
    }

    /// A double-quoted YAML scalar. JSON string syntax is valid YAML; control characters
    /// other than tab and newline are dropped first, because the simplest YAML readers
    /// (Perl's TAP::Parser::YAMLish) know only the short escapes.
    static func yamlString(_ text: String) -> String {
        var kept = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" {
            if scalar.value != 0x7F { kept.unicodeScalars.append(scalar) }
        }
        var out = ""
        JSONWriter.writeString(kept, into: &out)
        return out
    }
}
