#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Running out of file descriptors is a problem of this machine, not of the target: a check
/// that could not open its socket, pipe or resolver is UNKNOWN with a message that names
/// the local cause and the fix, never CRITICAL. And `check` keeps the checks in flight to
/// what the open-file limit allows.
enum DescriptorLimit {
    /// Descriptors one check in flight may hold at once: its socket (two while IPv4 and
    /// IPv6 race), libcurl's resolver pair, a command's pipe and standard input.
    static let perCheck = 4
    /// Descriptors the process needs besides the checks: stdio, the database with its WAL
    /// and shared memory, the poll and curl wake-up pipes, the signal pipe, the config file,
    /// alert deliveries after the run.
    static let reserved = 24
    /// Words every exhaustion message contains, so `CheckRunner` can tell them apart from a
    /// target's failure whatever the check kind wrapped around them.
    static let marker = "open-file limit"

    /// How many exhaustion messages this process has made. The runner turns a result into
    /// UNKNOWN only when this moved during its probe: the message's words alone could come
    /// from a target (a Redis error reply, command output) wanting to hide a failure.
    static let exhaustions = Atomic<Int>(0)

    /// Whether `code` means this process (EMFILE) or the system (ENFILE) has no descriptor left.
    static func isExhaustion(_ code: Int32) -> Bool { code == EMFILE || code == ENFILE }

    /// The message for `call` failing with EMFILE or ENFILE.
    static func message(call: String, errno code: Int32) -> String {
        exhaustions.add(1, ordering: .relaxed)
        let cause = code == ENFILE
            ? "the system's file table is full (ENFILE)"
            : "tta-monitor reached its open-file limit of \(softLimit.map(String.init) ?? "?") (EMFILE)"
        return "\(call) failed: local resource limit, not the target: \(cause); "
            + "raise the \(marker) (ulimit -n) or lower --concurrency"
    }

    /// Whether `message` reports descriptor exhaustion (see `message(call:errno:)`).
    static func reportsExhaustion(_ message: String) -> Bool {
        message.contains(marker) && message.contains("local resource limit")
    }

    /// The soft RLIMIT_NOFILE; nil when unlimited or unknown.
    static var softLimit: Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// The most checks that may be in flight under the open-file limit `limit`:
    /// `(limit − reserved) / perCheck`, at least 1.
    static func maxConcurrentChecks(limit: Int?) -> Int {
        guard let limit else { return Int.max }
        return max(1, (limit - reserved) / perCheck)
    }
}
