/// How serve writes one event: logfmt (`key=value`, the default: grep-able and read by Loki,
/// Vector and journald tooling) or one JSON object per line (`--log-format json`).
public enum ServeLogFormat: String, Sendable, CaseIterable {
    case logfmt, json

    /// One line (without the newline) of `fields`, in order.
    func line(_ fields: [(String, String)]) -> String {
        switch self {
        case .logfmt:
            return fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        case .json:
            return JSONWriter.render(.object(fields.map { ($0.0, .string($0.1)) }), pretty: false)
        }
    }

    /// A bare value when it can be read back unambiguously, else a quoted one with `"` and
    /// `\` escaped. Line breaks never reach here (the logger makes them visible first).
    static func logfmtValue(_ value: String) -> String {
        let bare = !value.isEmpty && !value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" }
        if bare { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
