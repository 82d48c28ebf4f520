import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, item 21: inputs are read up to a documented limit (config 16 MiB, CodeCarbon CSV
/// 256 MiB) and never wait forever: endless devices, huge files and FIFOs end quickly with
/// 78 (config) or 65 (import data), a message naming the limit, and no crash.
@Suite(.serialized) struct HostileInputSizeTests {
    static func expectCleanFailure(_ outcome: BinaryRunner.Outcome, code: Int32, mentions: String,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.code == code, "exit \(outcome.code): \(outcome.err)", sourceLocation: sourceLocation)
        #expect(outcome.err.contains(mentions), "\(outcome.err)", sourceLocation: sourceLocation)
        #expect(!outcome.err.contains("Fatal error") && !outcome.err.contains("Backtrace")
                && !outcome.err.contains("Crash"), "\(outcome.err)", sourceLocation: sourceLocation)
        // Generous for a loaded machine; unbounded reads took minutes or died.
        #expect(outcome.seconds < 30, "took \(outcome.seconds) s", sourceLocation: sourceLocation)
    }

    /// A sparse regular file of `bytes` (no disk used).
    static func sparseFile(_ path: String, bytes: Int) throws {
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(bytes)) == 0 else { throw POSIXError(.EIO) }
    }

    @Test("--config /dev/zero, /dev/urandom and a 17 MiB file fail with 78 naming the 16 MiB limit",
          arguments: ["/dev/zero", "/dev/urandom", "big.yaml"])
    func oversizedConfig(source: String) async throws {
        let directory = try TemporaryDirectory()
        try Self.sparseFile(directory.file("big.yaml"), bytes: 17 << 20)
        let outcome = try await BinaryRunner.run(["--config", source, "config", "validate"], in: directory.path)
        Self.expectCleanFailure(outcome, code: 78, mentions: "larger than the 16 MiB limit")
    }

    @Test("a config FIFO nobody writes to does not hang: a silent writer times out with 78")
    func fifoConfig() async throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.file("tta.yaml")
        #expect(mkfifo(fifo, 0o600) == 0)
        // No writer at all: reads as an empty file, at once.
        let empty = try await BinaryRunner.run(["--config", fifo, "config", "validate"], in: directory.path)
        #expect(empty.seconds < 30 && [0, 78].contains(empty.code), "exit \(empty.code) after \(empty.seconds) s: \(empty.err)")
        // A writer that holds the FIFO open and never writes.
        let writer = open(fifo, O_RDWR)
        #expect(writer >= 0)
        defer { close(writer) }
        let silent = try await BinaryRunner.run(["--config", fifo, "config", "validate"], in: directory.path)
        Self.expectCleanFailure(silent, code: 78, mentions: "sent no data for 10 s")
    }

    @Test("carbon import of /dev/zero and of a 300 MiB file fails with 65 naming the 256 MiB limit",
          arguments: ["/dev/zero", "big.csv"])
    func oversizedEmissionsFile(source: String) async throws {
        let directory = try TemporaryDirectory()
        try Self.sparseFile(directory.file("big.csv"), bytes: 300 << 20)
        try directory.write("tta.yaml", "monitoring:\n  storage: {path: monitor.db}\n  checks:\n    - {name: disk-root, type: disk, path: /}\n")
        let outcome = try await BinaryRunner.run(["--config", "tta.yaml", "carbon", "import", source], in: directory.path)
        Self.expectCleanFailure(outcome, code: 65, mentions: "larger than the 256 MiB limit")
    }

    @Test("an emissions.csv another user replaced with a FIFO they hold open does not hang carbon import: 65 after 10 s",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func plantedFIFO() async throws {
        let directory = try TemporaryDirectory()
        let shared = directory.file("codecarbon")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        chmod(directory.path, 0o755)
        chmod(shared, 0o1777)
        try directory.write("tta.yaml", "monitoring:\n  storage: {path: monitor.db}\n  checks:\n    - {name: disk-root, type: disk, path: /}\n")
        // As nobody: plant the FIFO and keep it open for writing, never writing.
        let planter = Process()
        planter.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        planter.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c",
                             "mkfifo emissions.csv && exec 3<>emissions.csv && exec sleep 120"]
        planter.currentDirectoryURL = URL(fileURLWithPath: shared)
        try planter.run()
        defer { planter.terminate(); planter.waitUntilExit() }
        let fifo = shared + "/emissions.csv"
        var waited = 0
        var info = stat()
        while waited < 200, stat(fifo, &info) != 0 || info.st_uid != 65_534 { usleep(50_000); waited += 1 }
        #expect(info.st_mode & S_IFMT == S_IFIFO && info.st_uid == 65_534)
        try await Task.sleep(for: .milliseconds(300))
        let outcome = try await BinaryRunner.run(["--config", "tta.yaml", "carbon", "import", fifo], in: directory.path)
        Self.expectCleanFailure(outcome, code: 65, mentions: "sent no data for 10 s")
    }
}
