#if canImport(Glibc)
import Glibc
#endif

/// CPU power from load when RAPL cannot be read: CodeCarbon 3.3.2's `cpu_load` mode
/// (`external/hardware.py`, `CPU._get_power_from_cpu_load`, machine tracking):
/// P = TDP × (0.1 + 0.9 × (load/100)³), a cubic curve with a floor of 10 % of TDP.
struct CPUPowerModel: Sendable, Equatable {
    /// Where the TDP came from.
    enum TDPSource: String, Sendable {
        /// `monitoring.carbon.cpu_tdp_w` (CodeCarbon's `force_cpu_power`).
        case config
        /// CodeCarbon's fallback for a CPU missing from its table: 4 W per logical CPU
        /// (`DEFAULT_POWER_PER_CORE`), times the number of sockets.
        case perThreadDefault = "default_4w_per_thread"
    }

    /// Power of the whole CPU at full load, in watts.
    var tdpWatts: Double
    var source: TDPSource
    /// The CPU's model name from /proc/cpuinfo.
    var model: String?
    /// Logical CPUs.
    var threads: Int

    /// CodeCarbon's watts per logical CPU for an unknown model.
    static let wattsPerThread = 4.0

    /// Power in watts at `loadPercent` (0…100).
    func watts(loadPercent: Double) -> Double {
        let load = min(max(loadPercent, 0), 100) / 100
        return tdpWatts * (0.1 + 0.9 * load * load * load)
    }

    /// The model for this machine: `configuredTDP` when given, else 4 W per logical CPU per socket.
    static func resolve(configuredTDP: Double?, cpuinfo: String, threads: Int) -> CPUPowerModel {
        let info = CPUInfo(cpuinfo)
        if let configuredTDP {
            return CPUPowerModel(tdpWatts: configuredTDP, source: .config, model: info.model, threads: threads)
        }
        // CodeCarbon multiplies the per-CPU figure by the socket count (lscpu "Socket(s)").
        let tdp = Double(threads) * wattsPerThread * Double(info.sockets)
        return CPUPowerModel(tdpWatts: tdp, source: .perThreadDefault, model: info.model, threads: threads)
    }

    /// Logical CPUs online, as Python's `os.cpu_count()` (psutil) reports them.
    static func onlineThreads() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// The few facts of `/proc/cpuinfo` the power model needs.
struct CPUInfo: Equatable {
    /// `model name` of the first processor.
    var model: String?
    /// Distinct `physical id` values (at least 1).
    var sockets: Int

    /// Parses the file's text.
    init(_ text: String) {
        var model: String?
        var ids = Set<String>()
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: " \t")
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if key == "model name", model == nil { model = value }
            if key == "physical id" { ids.insert(value) }
        }
        self.model = model
        sockets = max(1, ids.count)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
