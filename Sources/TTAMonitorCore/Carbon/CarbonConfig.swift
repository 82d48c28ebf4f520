/// `monitoring.carbon` together with TTA's own top-level `carbon:` section
/// (`carbon.output_dir`, `carbon.project_name`).
///
/// Placeholder until carbon accounting lands: the keys are accepted and ignored.
public struct CarbonConfig: Sendable {
    /// Creates the defaults.
    public init() {}

    /// Reads `monitoring.carbon` (nil when absent) and what it needs of TTA's `carbon:`.
    static func read(_ reader: MappingReader?, root: YAMLNode, document: ConfigDocument,
                     interpolation: EnvironmentInterpolation) throws(ConfigError) -> CarbonConfig {
        guard var reader else { return CarbonConfig() }
        reader.accept(["country", "intensity_g_per_kwh", "codecarbon_csv", "daily_threshold_kg", "pue"])
        try reader.finish()
        return CarbonConfig()
    }

    /// The section as `config show` prints it.
    var effectiveJSON: JSONValue { .object([]) }
}
