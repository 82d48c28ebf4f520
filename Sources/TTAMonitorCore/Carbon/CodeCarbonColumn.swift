/// The columns of CodeCarbon's `emissions.csv` that have a column of their own in
/// `carbon_runs`, matched by header name (never by position: the set and order changed
/// between CodeCarbon versions). Any other column is kept verbatim in `extra`.
enum CodeCarbonColumn: String, CaseIterable {
    case timestamp, projectName = "project_name", runID = "run_id", experimentID = "experiment_id"
    case duration, emissions, emissionsRate = "emissions_rate"
    case cpuPower = "cpu_power", gpuPower = "gpu_power", ramPower = "ram_power"
    case cpuEnergy = "cpu_energy", gpuEnergy = "gpu_energy", ramEnergy = "ram_energy"
    case energyConsumed = "energy_consumed"
    case countryName = "country_name", countryISOCode = "country_iso_code", region
    case cloudProvider = "cloud_provider", cloudRegion = "cloud_region", onCloud = "on_cloud"
    case os, pythonVersion = "python_version", codecarbonVersion = "codecarbon_version"
    case cpuCount = "cpu_count", cpuModel = "cpu_model", gpuCount = "gpu_count", gpuModel = "gpu_model"
    case longitude, latitude, ramTotalSize = "ram_total_size", trackingMode = "tracking_mode", pue

    /// Whether the column holds a number (an empty cell is NULL; other text is an error).
    var isNumeric: Bool {
        switch self {
        case .duration, .emissions, .emissionsRate, .cpuPower, .gpuPower, .ramPower, .cpuEnergy, .gpuEnergy,
             .ramEnergy, .energyConsumed, .cpuCount, .gpuCount, .longitude, .latitude, .ramTotalSize, .pue:
            true
        default:
            false
        }
    }

    /// Columns every CodeCarbon version wrote; a file without them is not an emissions file.
    static let required: [CodeCarbonColumn] = [.timestamp, .duration, .emissions, .energyConsumed]

    /// The `carbon_runs` column the value goes to.
    var storeColumn: String {
        switch self {
        case .timestamp: "ts"
        case .projectName: "project"
        case .duration: "duration_s"
        case .emissions: "emissions_kg"
        case .cpuPower: "cpu_power_w"
        case .gpuPower: "gpu_power_w"
        case .ramPower: "ram_power_w"
        case .cpuEnergy: "cpu_energy_kwh"
        case .gpuEnergy: "gpu_energy_kwh"
        case .ramEnergy: "ram_energy_kwh"
        case .energyConsumed: "energy_kwh"
        default: rawValue
        }
    }
}
