/// `monitoring.carbon` together with TTA's own top-level `carbon:` section
/// (`carbon.output_dir`, `carbon.project_name`).
public struct CarbonConfig: Sendable, Equatable {
    /// `country`: ISO 3166-1 alpha-3 code whose grid intensity applies to measurements.
    public var country: String?
    /// `intensity_g_per_kwh`: an explicit grid intensity, which wins over `country`.
    public var intensityGPerKWh: Double?
    /// `codecarbon_csv`: emissions files `carbon report` imports first (paths as written;
    /// relative ones are relative to the working directory, as TTA resolves `output_dir`).
    public var codecarbonCSV: [String] = []
    /// True when `codecarbon_csv` was not given and the list is the default
    /// `<carbon.output_dir>/emissions.csv` (a missing default file is only a note).
    public var csvIsDefault = true
    /// `daily_threshold_kg` (or TTA's `emissions_threshold_kg`): kg CO2e per local day.
    public var dailyThresholdKg: Double?
    /// `pue`: power usage effectiveness of the data centre; multiplies measured energy.
    public var pue: Double = 1.0
    /// `cpu_tdp_w`: the CPU's power at full load (all sockets), as CodeCarbon's `force_cpu_power`.
    public var cpuTDPWatts: Double?
    /// TTA's `carbon.project_name`, the project of `carbon measure` rows.
    public var projectName: String?
    /// TTA's `carbon.output_dir`.
    public var outputDirectory: String?

    /// Creates the defaults.
    public init() {}

    /// Keys of `monitoring.carbon` that TTA's staging config already uses; accepted, and
    /// `emissions_threshold_kg` is read as `daily_threshold_kg`.
    static let legacyKeys = ["track_emissions", "alert_on_high_emissions"]

    /// Reads `monitoring.carbon` (nil when absent) and what it needs of TTA's `carbon:`.
    static func read(_ reader: MappingReader?, root: YAMLNode, document: ConfigDocument,
                     interpolation: EnvironmentInterpolation) throws(ConfigError) -> CarbonConfig {
        var config = CarbonConfig()
        if let tta = root["carbon"], tta.mappingPairs != nil {
            config.outputDirectory = tta["output_dir"]?.scalar.map { (try? interpolation.expand($0.text)) ?? $0.text }
            config.projectName = tta["project_name"]?.scalar.map { (try? interpolation.expand($0.text)) ?? $0.text }
        }
        if var reader {
            try read(&reader, into: &config)
        }
        if config.csvIsDefault, let directory = config.outputDirectory, !directory.isEmpty {
            config.codecarbonCSV = [(directory.hasSuffix("/") ? directory : directory + "/") + "emissions.csv"]
        }
        return config
    }

    private static func read(_ reader: inout MappingReader, into config: inout CarbonConfig) throws(ConfigError) {
        if let node = reader.node("country") {
            let code = try reader.string(node, path: reader.keyPath("country")).uppercased()
            guard CarbonIntensityTable.countries[code] != nil else {
                var message = "unknown country '\(code)' in '\(reader.keyPath("country"))' (an ISO 3166-1 alpha-3 code such as USA, FRA, DEU)"
                if let hint = EditDistance.suggestion(for: code, among: Array(CarbonIntensityTable.countries.keys)) {
                    message += "; did you mean '\(hint)'?"
                }
                throw reader.error(message, at: node)
            }
            config.country = code
        }
        config.intensityGPerKWh = try positive(&reader, "intensity_g_per_kwh", upTo: 5_000)
        if let files = try reader.stringList("codecarbon_csv") {
            config.codecarbonCSV = files
            config.csvIsDefault = false
        }
        let daily = try positive(&reader, "daily_threshold_kg", upTo: 1e9)
        let legacy = try positive(&reader, "emissions_threshold_kg", upTo: 1e9)
        if daily != nil, legacy != nil, let node = reader.node("emissions_threshold_kg") {
            throw reader.error("'\(reader.keyPath("emissions_threshold_kg"))' and 'daily_threshold_kg' mean the same; keep one", at: node)
        }
        config.dailyThresholdKg = daily ?? legacy
        if let node = reader.node("pue") {
            let value = try reader.number(node, path: reader.keyPath("pue"))
            guard value >= 1, value <= 5 else { throw reader.error("'\(reader.keyPath("pue"))' must be between 1 and 5", at: node) }
            config.pue = value
        }
        config.cpuTDPWatts = try positive(&reader, "cpu_tdp_w", upTo: 100_000)
        for key in legacyKeys { _ = try reader.bool(key) }
        try reader.finish()
    }

    private static func positive(_ reader: inout MappingReader, _ key: String, upTo limit: Double) throws(ConfigError) -> Double? {
        guard let node = reader.node(key) else { return nil }
        let value = try reader.number(node, path: reader.keyPath(key))
        guard value > 0, value <= limit else {
            throw reader.error("'\(reader.keyPath(key))' must be greater than 0 and at most \(JSONWriter.format(limit))", at: node)
        }
        return value
    }

    /// The section as `config show` prints it.
    var effectiveJSON: JSONValue {
        .object([
            ("country", .text(country)),
            ("intensity_g_per_kwh", .number(intensityGPerKWh)),
            ("codecarbon_csv", .array(codecarbonCSV.map { .string($0) })),
            ("daily_threshold_kg", .number(dailyThresholdKg)),
            ("pue", .double(pue)),
            ("cpu_tdp_w", .number(cpuTDPWatts)),
            ("project_name", .text(projectName)),
        ])
    }
}
