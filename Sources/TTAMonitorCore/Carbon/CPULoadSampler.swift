/// System-wide CPU load from the `cpu` line of `/proc/stat`, computed as CodeCarbon 3.3.2's
/// `SystemCPULoadMeter` does from psutil's cpu_times: total = every field minus guest and
/// guest_nice (already inside user and nice); busy = total − idle − iowait.
struct CPULoadSampler {
    /// Cumulative jiffies of the `cpu` line.
    struct Times: Equatable {
        var total: Double
        var busy: Double
    }

    let statPath: String
    private var last: Times?

    /// Samples `<procRoot>/stat`.
    init(procRoot: String = "/proc") {
        statPath = procRoot + "/stat"
        last = Self.read(statPath)
    }

    /// Whether the first reading worked.
    var isReadable: Bool { last != nil }

    /// Load in percent (0…100) since the previous call; 0 when nothing elapsed.
    mutating func percentSinceLast() -> Double {
        guard let current = Self.read(statPath) else { return 0 }
        defer { last = current }
        guard let last else { return 0 }
        return Self.percent(from: last, to: current)
    }

    /// Busy share between two readings, clamped to 0…100.
    static func percent(from previous: Times, to current: Times) -> Double {
        let total = current.total - previous.total
        guard total > 0 else { return 0 }
        return min(max((current.busy - previous.busy) / total * 100, 0), 100)
    }

    /// Parses the aggregate `cpu` line: user nice system idle iowait irq softirq steal guest guest_nice.
    static func parse(_ text: String) -> Times? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 4 else { return nil }
        func field(_ index: Int) -> Double { index < values.count ? values[index] : 0 }
        let total = values.reduce(0, +) - field(8) - field(9)
        return Times(total: total, busy: total - field(3) - field(4))
    }

    /// The cumulative times now, or nil when unreadable.
    static func read(_ path: String) -> Times? {
        guard case .success(let text) = ProcFile.text(path, limit: 64 * 1_024) else { return nil }
        return parse(text)
    }
}
