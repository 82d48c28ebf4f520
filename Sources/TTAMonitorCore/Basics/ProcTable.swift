#if canImport(Glibc)
import Glibc
#endif

/// The processes of /proc. Each process may exit between listing it and reading its files;
/// such processes are skipped rather than reported, since that race is ordinary.
///
/// Reading `/proc/PID/cmdline` takes the target's memory-map lock and can stall behind a
/// process stuck in the kernel, so callers run these functions on a thread of their own.
enum ProcTable {
    /// The numeric entries of /proc: one per process (threads are not listed there).
    static func pids() -> [Int32] {
        guard let directory = opendir("/proc") else {
            if DescriptorLimit.isExhaustion(errno) { ProcFile.descriptorFailures.add(1, ordering: .relaxed) }
            return []
        }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let pid = Int32(name), pid > 0 { pids.append(pid) }
        }
        return pids
    }

    /// The process name, as `ps -o comm` shows it (at most 15 bytes).
    static func comm(_ pid: Int32) -> String? {
        guard case .success(let text) = ProcFile.text("/proc/\(pid)/comm", limit: 64) else { return nil }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// The arguments, NUL-separated in /proc; empty for kernel threads and zombies.
    static func arguments(_ pid: Int32) -> [String]? {
        guard case .success(let bytes) = ProcFile.bytes("/proc/\(pid)/cmdline", limit: 128 * 1_024) else { return nil }
        return bytes.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
            .reversed().drop { $0.isEmpty }.reversed()
    }

    /// State letter, parent pid and user + system CPU time in clock ticks, from /proc/PID/stat.
    static func stat(_ pid: Int32) -> (state: Character, parent: Int32, cpuTicks: Int64)? {
        guard case .success(let text) = ProcFile.text("/proc/\(pid)/stat", limit: 4_096) else { return nil }
        return parseStat(text)
    }

    /// The name in field 2 is parenthesised and may itself hold spaces and parentheses, so the
    /// fields are counted from the last `)`.
    static func parseStat(_ text: String) -> (state: Character, parent: Int32, cpuTicks: Int64)? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), fields[1] field 4 (parent); utime and stime are 14 and 15.
        guard fields.count > 12, let state = fields[0].first, let parent = Int32(fields[1]),
              let user = Int64(fields[11]), let system = Int64(fields[12]) else { return nil }
        return (state, parent, user + system)
    }

    /// Whether any process other than a zombie belongs to process group `group`. Reads every
    /// process's stat: meant for the rare wait on a timed-out command's leftovers.
    static func groupHasLiveMembers(_ group: Int32) -> Bool {
        pids().contains { pid in
            guard case .success(let text) = ProcFile.text("/proc/\(pid)/stat", limit: 4_096),
                  let close = text.lastIndex(of: ")") else { return false }
            // After the name: state, parent pid, process group.
            let fields = text[text.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[2]) == group && fields[0] != "Z"
        }
    }

    /// Resident memory in bytes (`VmRSS`); nil for kernel threads and vanished processes.
    static func residentBytes(_ pid: Int32) -> Int64? {
        guard case .success(let text) = ProcFile.text("/proc/\(pid)/status", limit: 16_384) else { return nil }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap({ Int64($0) })
        else { return nil }
        return kilobytes * 1_024
    }
}
