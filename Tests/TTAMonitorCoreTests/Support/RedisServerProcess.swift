import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `redis-server` for tests, on 127.0.0.1 and a free port, with its own temporary
/// directory and no persistence. Shared by the redis check tests and end-to-end tests.
///
/// ```swift
/// let redis = try await RedisServerProcess.start(password: "s3cret")
/// defer { redis.stop() }
/// var spec = RedisCheckSpec(host: redis.host, port: redis.port)   // or try RedisCheckSpec(url: redis.url)
/// ```
///
/// - `start(password:arguments:)` returns once the server accepts connections (10 s at
///   most). `password` becomes `--requirepass`; `arguments` are extra `redis-server`
///   options such as `["--maxmemory", "64mb"]`.
/// - `stop()` (also run by `deinit`) kills the server, waits for it, and removes the
///   directory. Call it in a `defer`: Swift Testing has no per-suite teardown.
/// - When `redis-server` is not installed, `start` throws `Failure.notInstalled`, whose
///   message says so: the tests fail loudly instead of passing without a server. The
///   binary is `$REDIS_SERVER`, else `/usr/bin`, `/usr/local/bin`, else the first on `PATH`.
final class RedisServerProcess {
    /// Why a server could not be started.
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(log: String)

        var description: String {
            switch self {
            case .notInstalled:
                "redis-server not found ($REDIS_SERVER, /usr/bin, /usr/local/bin, PATH); "
                    + "install it (apt-get install redis-server) — CI does"
            case .didNotStart(let log):
                "redis-server did not start accepting connections; its log:\n\(log)"
            }
        }
    }

    /// Always loopback.
    let host = "127.0.0.1"
    /// The port it listens on.
    let port: Int
    /// The `--requirepass` password, if any.
    let password: String?
    /// `redis://[:password@]127.0.0.1:port`, for specs and config files.
    var url: String {
        let credentials = password.map { ":\($0)@" } ?? ""
        return "redis://\(credentials)\(host):\(port)"
    }

    private let process: Process
    private let directory: URL

    private init(port: Int, password: String?, process: Process, directory: URL) {
        self.port = port
        self.password = password
        self.process = process
        self.directory = directory
    }

    deinit { stop() }

    /// Starts a server and waits until it accepts connections. A port grabbed by someone
    /// else between choosing and binding it is retried with another port.
    static func start(password: String? = nil, arguments: [String] = []) async throws -> RedisServerProcess {
        let executable = try findExecutable()
        var lastLog = ""
        for _ in 0..<3 {
            let port = try LoopbackListener.closedPort()
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("redis-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let log = directory.appendingPathComponent("redis.log")
            let process = Process()
            process.executableURL = executable
            process.currentDirectoryURL = directory
            process.arguments = [
                "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no", "--dir", directory.path, "--logfile", log.path,
            ] + (password.map { ["--requirepass", $0] } ?? []) + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            // Spawning blocks briefly; keep it off the cooperative pool (see offloaded()).
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            let server = RedisServerProcess(port: port, password: password, process: process, directory: directory)
            if await server.waitUntilAccepting() { return server }
            lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no log)"
            server.stop()
            guard lastLog.contains("Address already in use") else { break }
        }
        throw Failure.didNotStart(log: lastLog)
    }

    /// Terminates the server and removes its directory; safe to call twice.
    func stop() {
        if process.isRunning {
            // SIGKILL, not terminate()'s SIGTERM: Process spawns from a Dispatch worker
            // thread, whose blocked signal mask the child inherits, so SIGTERM would wait
            // forever. Nothing is persisted, so nothing is lost.
            // No waitUntilExit: it blocks a cooperative thread, and Foundation may need one of
            // those very threads to reap the child. SIGKILL is final; Foundation reaps it.
            kill(process.processIdentifier, SIGKILL)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitUntilAccepting() async -> Bool {
        await LoopbackPort.waitUntilAccepting(port, process: process)
    }


    private static func findExecutable() throws -> URL {
        guard let found = LoopbackPort.findExecutable(variable: "REDIS_SERVER", fixed: ["/usr/bin/redis-server", "/usr/local/bin/redis-server"],
                                                      names: ["redis-server"]) else { throw Failure.notInstalled }
        return found
    }
}

/// Hands a non-Sendable value to another thread that is known to be its only user.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
