/// One row of `carbon_runs`: an imported CodeCarbon run or a `carbon measure` run.
/// Values are kept by store column name so that every CodeCarbon column lands in its own
/// column without a field per column here.
struct CarbonRun: Sendable, Equatable {
    /// `codecarbon` or `measure`.
    var source: CarbonRunSource
    /// Idempotency key: a second insert with the same key adds nothing.
    var rowKey: String
    /// The file and physical line an imported row came from.
    var sourceFile: String?
    var sourceLine: Int?
    /// End of the run, UTC milliseconds.
    var ts: Int64
    /// Local day of `ts`.
    var localDay: String
    /// Text columns (`project`, `run_id`, `label`, `country_iso_code`, …).
    var texts: [String: String] = [:]
    /// Number columns (`energy_kwh`, `emissions_kg`, `duration_s`, …).
    var numbers: [String: Double] = [:]
    /// JSON: how each figure of a measurement was obtained.
    var method: String?
    /// JSON: CSV columns without a column of their own, verbatim.
    var extra: String?

    /// Text columns of `carbon_runs` besides the fixed ones.
    static let textColumns = ["project", "run_id", "experiment_id", "label", "component", "model",
                              "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region",
                              "on_cloud", "os", "python_version", "codecarbon_version", "cpu_model", "gpu_model",
                              "tracking_mode"]
    /// Number columns of `carbon_runs`.
    static let numberColumns = ["duration_s", "emissions_kg", "emissions_rate", "energy_kwh", "cpu_power_w",
                                "gpu_power_w", "ram_power_w", "cpu_energy_kwh", "gpu_energy_kwh", "ram_energy_kwh",
                                "cpu_count", "gpu_count", "longitude", "latitude", "ram_total_size", "pue",
                                "intensity_g_per_kwh"]
}
