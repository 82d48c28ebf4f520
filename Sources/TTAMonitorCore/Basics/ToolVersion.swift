/// The tool's name and version, printed by `--version` and stored with every run.
public enum ToolVersion {
    /// The executable's name.
    public static let name = "tta-monitor"
    /// Semantic version of this build.
    public static let version = "0.1.0"
}

extension ToolVersion {
    /// What `version` and `--version` print: `tta-monitor 0.1.0`, or with `--json` one document
    /// like every other command's, so a script never has to parse text.
    public static func report(json: Bool) -> String {
        guard json else { return "\(name) \(version)\n" }
        let document: JSONValue = .object([
            ("schema_version", .int(1)), ("name", .string(name)), ("version", .string(version)),
        ])
        return JSONWriter.render(document) + "\n"
    }
}
