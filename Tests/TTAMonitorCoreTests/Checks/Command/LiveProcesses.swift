import Foundation

/// Looks for processes the way `pgrep -f` does, independently of the code under test.
enum LiveProcesses {
    /// Pids of running (not zombie) processes whose arguments, joined by spaces, equal `commandLine`.
    static func pids(commandLine: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.joined(separator: " ") == commandLine && stat[stat.index(close, offsetBy: 2)] != "Z"
        }
    }

    /// `pids(commandLine:)` on a thread of its own: reading all of /proc is too slow for the
    /// cooperative pool that timing-sensitive tests beside this one need.
    static func find(commandLine: String) async throws -> [Int32] {
        try await offloaded { pids(commandLine: commandLine) }
    }
}
