#if canImport(Glibc)
import Glibc
#endif

/// Reads CPU package energy from Linux RAPL (`/sys/class/powercap/intel-rapl:N/energy_uj`),
/// as CodeCarbon 3.3.2 does by default: only `package-*` domains (not psys, not dram, not
/// their core/uncore subdomains, which the package already contains), summed over sockets.
/// A counter that went backwards wrapped at `max_energy_range_uj`, which is added back.
struct RAPLReader {
    /// One package domain.
    struct Domain: Equatable {
        var name: String
        var energyPath: String
        /// Where the counter wraps, in microjoules; 0 when unreadable (no correction then).
        var maxRange: Double
    }

    let domains: [Domain]
    private var last: [Double?]

    /// Finds the readable package domains under `root` (the powercap directory); nil when
    /// there are none, or none can be read (RAPL is often root-only since CVE-2020-8694).
    init?(powercapRoot: String = "/sys/class/powercap") {
        var found: [Domain] = []
        guard let directory = opendir(powercapRoot) else { return nil }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Top-level zones only (intel-rapl:0, intel-rapl:1; AMD exposes the same names).
            if name.hasPrefix("intel-rapl:"), name.dropFirst("intel-rapl:".count).allSatisfy(\.isNumber) { names.append(name) }
        }
        closedir(directory)
        for zone in names.sorted() {
            let base = powercapRoot + "/" + zone
            guard case .success(let label) = ProcFile.text(base + "/name", limit: 256),
                  label.lowercased().contains("package") else { continue }
            let energyPath = base + "/energy_uj"
            guard Self.read(energyPath) != nil else { continue }
            let range = Self.read(base + "/max_energy_range_uj") ?? 0
            found.append(Domain(name: label.trimmingWhitespace(), energyPath: energyPath, maxRange: range))
        }
        guard !found.isEmpty else { return nil }
        domains = found
        last = found.map { Self.read($0.energyPath) }
    }

    /// Energy in joules used by all packages since the previous call (or since `init`).
    mutating func joulesSinceLast() -> Double {
        var total = 0.0
        for (index, domain) in domains.enumerated() {
            let current = Self.read(domain.energyPath)
            total += Self.delta(previous: last[index], current: current, maxRange: domain.maxRange)
            last[index] = current
        }
        return total / 1_000_000
    }

    /// Microjoules between two readings, correcting one wrap; 0 when either is missing or the
    /// counter still went backwards after the correction (CodeCarbon skips such a sample).
    static func delta(previous: Double?, current: Double?, maxRange: Double) -> Double {
        guard let previous, let current else { return 0 }
        var value = current
        if value < previous { value += maxRange }
        return value < previous ? 0 : value - previous
    }

    private static func read(_ path: String) -> Double? {
        guard case .success(let text) = ProcFile.text(path, limit: 64) else { return nil }
        return Double(text.trimmingWhitespace())
    }
}
