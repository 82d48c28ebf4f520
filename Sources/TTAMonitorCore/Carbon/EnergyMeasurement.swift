/// What `carbon measure` found: energy per part (PUE applied), how each was obtained, and
/// the CPU-time split among components.
struct EnergyMeasurement: Sendable {
    var startedAt: Int64
    var endedAt: Int64
    var durationSeconds: Double
    var samples: Int
    var cpuEnergyKWh: Double
    var ramEnergyKWh: Double
    var gpuEnergyKWh: Double
    /// Average power of each part over the run, in watts (PUE applied, like CodeCarbon's columns).
    var cpuPowerW: Double
    var ramPowerW: Double
    var gpuPowerW: Double
    var meanLoadPercent: Double?
    var gpuCount: Int
    var gpuModel: String?
    /// Share of GPU samples with utilisation under 5 % (nil without GPUs).
    var gpuIdleShare: Double?
    var cpuModel: String?
    var threads: Int
    var ramTotalGiB: Double?
    var pue: Double
    /// JSON object: how each part was obtained.
    var method: JSONValue
    /// Ticks used per component, and the machine's busy ticks, over the run.
    var ticksByComponent: [String: Int64]
    var busyTicks: Int64

    /// Total energy, PUE included.
    var energyKWh: Double { cpuEnergyKWh + ramEnergyKWh + gpuEnergyKWh }
}
