#if canImport(Glibc)
import Glibc
#endif

/// Which processes a `process` check counts: an exact name, a pattern over the command
/// line, or both (a process must then satisfy both).
struct ProcessSelector {
    /// The kernel keeps at most this many bytes of a process name (TASK_COMM_LEN − 1).
    static let commLength = 15

    let name: String?
    let pattern: Regex<AnyRegexOutput>?

    /// Compiles the spec's pattern; throws when it is not a valid regular expression.
    init(_ spec: ProcessCheckSpec) throws {
        name = spec.name
        pattern = try spec.commandPattern.map { try Regex($0) }
    }

    /// Whether `pid` is selected. Only the files needed are read: a name that differs rules
    /// a process out before its command line is read.
    func matches(_ pid: Int32) -> Bool {
        var arguments: [String]?
        if let name {
            guard let comm = ProcTable.comm(pid) else { return false }
            if comm != name {
                // A longer name is truncated in comm; then the program file must carry it whole.
                let truncated = Array(name.utf8.prefix(Self.commLength))
                guard name.utf8.count > Self.commLength, Array(comm.utf8) == truncated else { return false }
                arguments = ProcTable.arguments(pid)
                guard let program = arguments?.first, program.split(separator: "/").last.map(String.init) == name
                else { return false }
            }
        }
        if let pattern {
            // Kernel threads and zombies have no command line: nothing to match.
            guard let arguments = arguments ?? ProcTable.arguments(pid), !arguments.isEmpty else { return false }
            guard arguments.joined(separator: " ").contains(pattern) else { return false }
        }
        return true
    }

    /// `named 'redis-server'`, `matching 'celery.*worker'`, or both.
    static func describe(_ spec: ProcessCheckSpec) -> String {
        var parts: [String] = []
        if let name = spec.name { parts.append("named '\(name)'") }
        if let pattern = spec.commandPattern { parts.append("matching '\(pattern)'") }
        return parts.joined(separator: " ")
    }
}
