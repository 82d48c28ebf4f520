import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server for tests, on 127.0.0.1 and a free port, with its own temporary
/// cluster (`initdb`), SSL off and this `pg_hba.conf`:
///
/// ```
/// local  all  all                            trust
/// host   all  postgres        127.0.0.1/32  trust
/// host   all  scram_user      127.0.0.1/32  scram-sha-256
/// host   all  cleartext_user  127.0.0.1/32  password
/// ```
///
/// so `postgres` gets in without a password, the other two are asked for one, and any other
/// user has no `pg_hba.conf` entry. The password users need not exist as roles: PostgreSQL
/// asks for the password before it reveals whether a role exists.
///
/// ```swift
/// let postgres = try await PostgresServerProcess.shared()
/// var spec = PostgresCheckSpec(host: postgres.host, port: postgres.port)
/// ```
///
/// - `shared()` starts one server for the whole test process the first time it is called
///   (`initdb` takes seconds) and returns the same one afterwards. It is never stopped by a
///   test: a watchdog shell between us and `postgres` holds the read end of a pipe whose
///   write end only this process has, and when this process exits — normally or killed —
///   the pipe closes, the watchdog stops the server (SIGQUIT, SIGKILL after 5 s) and removes
///   its directory. Tests that need a server of their own call `start()` and `stop()`.
/// - PostgreSQL refuses to run as root; as root, `initdb` and `postgres` run as the
///   `postgres` user (created by the Debian package) through `setpriv`.
/// - When the server binaries are missing, `start` throws `Failure.notInstalled`, whose
///   message names the package: the tests fail loudly instead of passing without a server.
///   The binaries are `$PG_BIN`/{initdb,postgres}, else the newest `/usr/lib/postgresql/*/bin`.
final class PostgresServerProcess: @unchecked Sendable {
    /// Why a server could not be started.
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case noPostgresUser
        case initdbFailed(log: String)
        case didNotStart(log: String)

        var description: String {
            switch self {
            case .notInstalled:
                "PostgreSQL server binaries not found ($PG_BIN, /usr/lib/postgresql/*/bin); "
                    + "install them (apt-get install postgresql) — CI does"
            case .noPostgresUser:
                "running as root, but there is no 'postgres' user to run PostgreSQL as "
                    + "(apt-get install postgresql creates it)"
            case .initdbFailed(let log):
                "initdb failed; its output:\n\(log)"
            case .didNotStart(let log):
                "postgres did not start accepting connections; its log:\n\(log)"
            }
        }
    }

    /// A role `pg_hba.conf` asks for a SCRAM-SHA-256 password.
    static let scramUser = "scram_user"
    /// A role `pg_hba.conf` asks for a cleartext password.
    static let cleartextUser = "cleartext_user"

    /// Always loopback.
    let host = "127.0.0.1"
    /// The port it listens on.
    let port: Int

    /// The watchdog shell (see `watchdogScript`), not the server itself.
    private let process: Process
    private let watchdogPipe: FileHandle
    private let stopped = Mutex(false)

    private init(port: Int, process: Process, watchdogPipe: FileHandle) {
        self.port = port
        self.process = process
        self.watchdogPipe = watchdogPipe
    }

    private static let sharedServer = Task { try await start() }

    /// The server shared by every test of this process, started on first use.
    static func shared() async throws -> PostgresServerProcess {
        try await sharedServer.value
    }

    /// Creates a cluster in a new directory and starts a server on it; returns once it
    /// accepts connections. A port taken between choosing and binding it is retried with
    /// another port and a fresh cluster.
    static func start() async throws -> PostgresServerProcess {
        let binaries = try findBinaries()
        let account = try serverAccount()
        var lastLog = ""
        for _ in 0..<3 {
            switch try await startOnce(binaries: binaries, account: account) {
            case .success(let server): return server
            case .failure(let failure):
                guard case .didNotStart(let log) = failure, log.contains("already in use") else { throw failure }
                lastLog = log
            }
        }
        throw Failure.didNotStart(log: lastLog)
    }

    private static func startOnce(binaries: String, account: Account?) async throws -> Result<PostgresServerProcess, Failure> {
        let directory = try makeDirectory(owner: account)
        let data = directory + "/data"
        let log = directory + "/postgres.log"
        let initdb = [binaries + "/initdb", "-D", data, "--auth=trust", "--username=postgres",
                      "--encoding=UTF8", "--locale=C", "--no-sync"]
        let initdbStatus = try await offloaded { try run(asUser: account, initdb, log: log) }
        guard initdbStatus == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no output)"
            try? FileManager.default.removeItem(atPath: directory)
            return .failure(.initdbFailed(log: output))
        }
        try writeHBA(data + "/pg_hba.conf", owner: account)
        let port = try LocalHTTPServer.unusedPort()
        let server = [binaries + "/postgres", "-D", data, "-p", String(port), "-k", directory,
                      "-c", "listen_addresses=127.0.0.1", "-c", "ssl=off", "-c", "fsync=off",
                      "-c", "shared_buffers=16MB", "-c", "max_connections=30"]
        let (process, pipe) = try await launchWatched(asUser: account, server, log: log, directory: directory)
        let started = PostgresServerProcess(port: port, process: process, watchdogPipe: pipe)
        if await started.waitUntilAccepting(log: log) { return .success(started) }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log)"
        started.stop()
        return .failure(.didNotStart(log: output))
    }

    /// Has the watchdog stop the server and remove its directory; returns without waiting
    /// (which would block a cooperative thread), so the port may accept for a moment more.
    /// Safe to call twice.
    func stop() {
        guard stopped.withLock({ let was = $0; $0 = true; return !was }) else { return }
        try? watchdogPipe.close()
    }

    deinit { stop() }

    /// The watchdog: starts the server in the background, waits until its stdin (our pipe)
    /// closes, then stops the server — SIGQUIT is PostgreSQL's immediate shutdown, which
    /// also releases its System V shared memory, unlike SIGKILL — and removes the directory.
    private static let watchdogScript = """
        log=$1; dir=$2; shift 2
        "$@" >>"$log" 2>&1 &
        server=$!
        read -r _ || :
        kill -QUIT "$server" 2>/dev/null
        ( sleep 5; kill -KILL "$server" 2>/dev/null ) &
        killer=$!
        wait "$server"
        kill "$killer" 2>/dev/null
        rm -rf "$dir"
        """

    private static func launchWatched(
        asUser account: Account?, _ command: [String], log: String, directory: String
    ) async throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", watchdogScript, "watchdog", log, directory] + prefix(for: account) + command
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // Spawning blocks briefly; keep it off the cooperative pool (see offloaded()). The
        // child inherits the spawning thread's signal mask, and threads here block SIGCHLD:
        // the shell's `wait` would then never return. This thread ends right after, so it
        // can unblock everything first.
        let launching = UncheckedBox(process)
        try await offloaded {
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            try launching.value.run()
        }
        return (process, pipe.fileHandleForWriting)
    }

    /// The port accepts before recovery has finished (connections get 57P03 "starting up"
    /// until then), so readiness is the log line, confirmed by a connect.
    private func waitUntilAccepting(log: String) async -> Bool {
        await LoopbackPort.waitUntilAccepting(port, process: process, attempts: 750) {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.contains("FATAL:") || text.contains("database system is shut down") { return nil }
            return text.contains("database system is ready to accept connections")
        }
    }


    /// Whom PostgreSQL runs as: nil for the current user, the `postgres` account under root.
    private struct Account {
        let uid: uid_t
        let gid: gid_t
    }

    private static func serverAccount() throws -> Account? {
        guard geteuid() == 0 else { return nil }
        guard let entry = getpwnam("postgres") else { throw Failure.noPostgresUser }
        return Account(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    private static func prefix(for account: Account?) -> [String] {
        guard let account else { return [] }
        return ["/usr/bin/setpriv", "--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "--"]
    }

    /// Runs `command` to completion with its output in `log`; blocking, so call it offloaded.
    private static func run(asUser account: Account?, _ command: [String], log: String) throws -> Int32 {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? output.close() }
        let process = Process()
        let full = prefix(for: account) + command
        process.executableURL = URL(fileURLWithPath: full[0])
        process.arguments = Array(full.dropFirst())
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A new directory under /tmp (which the `postgres` user can reach, unlike a root-only
    /// `$TMPDIR`), owned by the server's account.
    private static func makeDirectory(owner: Account?) throws -> String {
        var template = Array("/tmp/tta-monitor-pg-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let owner { chown(path, owner.uid, owner.gid) }
        return path
    }

    private static func writeHBA(_ path: String, owner: Account?) throws {
        let rules = """
            local  all  all                            trust
            host   all  postgres        127.0.0.1/32  trust
            host   all  \(scramUser)      127.0.0.1/32  scram-sha-256
            host   all  \(cleartextUser)  127.0.0.1/32  password

            """
        try rules.write(toFile: path, atomically: false, encoding: .utf8)
        if let owner { chown(path, owner.uid, owner.gid) }
    }

    private static func findBinaries() throws -> String {
        let fileManager = FileManager.default
        func complete(_ directory: String) -> Bool {
            ["initdb", "postgres"].allSatisfy { fileManager.isExecutableFile(atPath: directory + "/" + $0) }
        }
        if let configured = ProcessInfo.processInfo.environment["PG_BIN"], complete(configured) {
            return configured
        }
        let root = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        guard let newest = versions.map({ "\(root)/\($0)/bin" }).first(where: complete) else {
            throw Failure.notInstalled
        }
        return newest
    }
}
