import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the test servers that run real programs (redis-server, PostgreSQL,
/// node_exporter, openssl s_server): is the port up yet, and where is the program.
enum LoopbackPort {
    /// One connect attempt to 127.0.0.1:`port`; loopback answers at once either way.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Polls until `process` accepts on `port` (10 s at most, 20 ms apart); false when the
    /// process died or never listened. `ready` adds a condition of the caller's (a log line):
    /// false means not yet, nil means give up.
    static func waitUntilAccepting(_ port: Int, process: Process, attempts: Int = 500,
                                   ready: () -> Bool? = { true }) async -> Bool {
        for _ in 0..<attempts {
            guard process.isRunning, let isReady = ready() else { return false }
            if isReady, accepts(port) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// The first executable among `$variable`, `fixed` paths and `names` on `$PATH`.
    static func findExecutable(variable: String, fixed: [String], names: [String]) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let pathDirectories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let candidates = [environment[variable]].compactMap { $0 } + fixed
            + pathDirectories.flatMap { directory in names.map { "\(directory)/\($0)" } }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }
}
