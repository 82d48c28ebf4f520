/// The tool's name and version, printed by `--version` and stored with every run.
public enum ToolVersion {
    /// The executable's name.
    public static let name = "tta-monitor"
    /// Semantic version of this build.
    public static let version = "0.1.0"
}
