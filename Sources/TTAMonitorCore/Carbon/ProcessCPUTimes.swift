#if canImport(Glibc)
import Glibc
#endif

/// CPU time (user + system, `/proc/PID/stat` fields 14 and 15) of every process, grouped by
/// TTA component. Two snapshots, one at the start and one at the end of a measurement, give
/// each component's CPU seconds during it.
struct ProcessCPUTimes {
    /// One process as seen in one snapshot.
    struct Entry: Equatable {
        var ticks: Int64
        var component: String?
    }

    let procRoot: String
    let matcher: ComponentMatcher

    /// Every process under `procRoot` with its ticks and component. The component of a pid
    /// already known from `previous` is reused, so the command line is read once per process.
    func snapshot(reusing previous: [Int32: Entry] = [:]) -> [Int32: Entry] {
        var entries: [Int32: Entry] = [:]
        guard let directory = opendir(procRoot) else { return entries }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let pid = Int32(name), pid > 0 { pids.append(pid) }
        }
        closedir(directory)
        for pid in pids {
            guard case .success(let stat) = ProcFile.text("\(procRoot)/\(pid)/stat", limit: 4_096),
                  let parsed = ProcTable.parseStat(stat) else { continue }
            if let known = previous[pid] {
                entries[pid] = Entry(ticks: parsed.cpuTicks, component: known.component)
                continue
            }
            let comm = Self.comm(fromStat: stat)
            var arguments: [String] = []
            if case .success(let bytes) = ProcFile.bytes("\(procRoot)/\(pid)/cmdline", limit: 128 * 1_024) {
                arguments = bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            }
            entries[pid] = Entry(ticks: parsed.cpuTicks, component: matcher.component(comm: comm, arguments: arguments))
        }
        return entries
    }

    /// Ticks used per component between two snapshots. A process that started meanwhile
    /// counts all its ticks; one that exited meanwhile is lost (the kernel keeps no record).
    static func ticksByComponent(from start: [Int32: Entry], to end: [Int32: Entry]) -> [String: Int64] {
        var result: [String: Int64] = [:]
        for (pid, entry) in end {
            guard let component = entry.component else { continue }
            let before = start[pid]?.ticks ?? 0
            let used = entry.ticks - before
            if used > 0 { result[component, default: 0] += used }
        }
        return result
    }

    /// The name between the parentheses of field 2.
    static func comm(fromStat text: String) -> String {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return "" }
        return String(text[text.index(after: open)..<close])
    }

    /// Clock ticks per second (`_SC_CLK_TCK`, 100 on Linux).
    static var ticksPerSecond: Double { Double(max(1, sysconf(Int32(_SC_CLK_TCK)))) }
}

/// The first and latest CPU time of every process seen during a run, so that a process
/// that exits before the end still counts with what it used until its last sample, and one
/// that starts during the run counts from zero.
struct ProcessCPUAccumulator {
    private(set) var first: [Int32: ProcessCPUTimes.Entry]
    private(set) var latest: [Int32: ProcessCPUTimes.Entry]

    /// Starts from the snapshot taken when the run began.
    init(start: [Int32: ProcessCPUTimes.Entry]) {
        first = start
        latest = start
    }

    /// Adds a later snapshot.
    mutating func add(_ snapshot: [Int32: ProcessCPUTimes.Entry]) {
        for (pid, entry) in snapshot {
            if first[pid] == nil { first[pid] = ProcessCPUTimes.Entry(ticks: 0, component: entry.component) }
            latest[pid] = entry
        }
    }

    /// Ticks per component over the run.
    var ticksByComponent: [String: Int64] { ProcessCPUTimes.ticksByComponent(from: first, to: latest) }
}
