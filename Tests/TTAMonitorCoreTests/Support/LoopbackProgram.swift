import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real program serving on 127.0.0.1 for tests (Prometheus' node_exporter, Pushgateway,
/// Alertmanager): launched with its output in a log in its directory, waited for until it
/// accepts connections, and launched again on another port when its port was taken between
/// choosing and binding it.
final class LoopbackProgram {
    /// Why a program could not be started.
    enum Failure: Error, CustomStringConvertible {
        case notInstalled(package: String, variable: String)
        case didNotStart(package: String, log: String)

        var description: String {
            switch self {
            case .notInstalled(let package, let variable):
                "\(package) not found ($\(variable), /usr/bin, PATH); install it "
                    + "(apt-get install \(package); scripts/install-deps.sh does, as CI does)"
            case .didNotStart(let package, let log):
                "\(package) did not start accepting connections; its log:\n\(log)"
            }
        }
    }

    /// The port it listens on, on 127.0.0.1.
    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    deinit { stop() }

    /// The program of Debian's `package`: `$variable`, `/usr/bin/<package>`, or one of
    /// `names` on `$PATH`; throws `notInstalled` naming the package.
    static func executable(package: String, variable: String, names: [String]) throws -> URL {
        guard let found = LoopbackPort.findExecutable(variable: variable, fixed: ["/usr/bin/\(package)"], names: names) else {
            throw Failure.notInstalled(package: package, variable: variable)
        }
        return found
    }

    /// Starts `executable` in `directory` with `arguments(port)`, on `requested` or else a
    /// free port, and waits (10 s at most) until it accepts connections.
    static func start(_ executable: URL, package: String, in directory: String, port requested: Int? = nil,
                      arguments: (_ port: Int) -> [String]) async throws -> LoopbackProgram {
        var lastLog = ""
        for attempt in 0..<3 {
            let port = try requested ?? LoopbackListener.closedPort()
            let log = "\(directory)/\(package)-\(attempt).log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.arguments = arguments(port)
            process.standardOutput = FileHandle(forWritingAtPath: log)
            process.standardError = process.standardOutput
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            let program = LoopbackProgram(port: port, process: process)
            if await LoopbackPort.waitUntilAccepting(port, process: process) { return program }
            lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log)"
            program.stop()
            guard lastLog.contains("address already in use") else { break }
        }
        throw Failure.didNotStart(package: package, log: lastLog)
    }

    /// Kills the program; safe to call twice. SIGKILL, because a child spawned from a
    /// Dispatch thread may never see SIGTERM. It does not wait: `waitUntilExit` would block a
    /// cooperative thread until Foundation notices the exit, which it does on a Dispatch
    /// thread from the same two-thread pool, stalling every test beside this one. Foundation
    /// reaps the process on its own.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }
}
