import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Broken database files and places a database cannot live: each gives exit 74 and a message
/// naming the file and the problem; nothing crashes and nothing good is overwritten.
@Suite(.serialized) struct BadStorageTests {
    static let config = """
        monitoring:
          storage: {path: monitor.db}
          checks:
            - {name: disk-root, type: disk, path: /}
        """

    /// A directory with the config and a database holding two runs.
    static func populated() async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", config)
        for _ in 0..<2 {
            let run = try await BinaryRunner.run(["check", "-q"], in: directory.path)
            #expect(run.code == 0, "\(run.err)")
        }
        return directory
    }

    @Test("a truncated database file: exit 74, 'malformed', for check and status alike")
    func truncated() async throws {
        let directory = try await Self.populated()
        let path = directory.file("monitor.db")
        #expect(truncate(path, 8_192) == 0)
        for arguments in [["check"], ["status"], ["retention", "purge"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 74, "\(arguments): \(run.code) \(run.err)")
            #expect(run.err.contains("monitor.db") && run.err.contains("malformed"), "\(arguments): \(run.err)")
            #expect(run.out.isEmpty)
        }
    }

    @Test("a file that is not a database: exit 74, said plainly, and the file is left as it was")
    func notADatabase() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config)
        let garbage = try directory.write("monitor.db", String(repeating: "this is a text file, not SQLite\n", count: 200))
        let before = try Data(contentsOf: URL(fileURLWithPath: garbage))
        for arguments in [["check"], ["status"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 74, "\(arguments): \(run.err)")
            #expect(run.err.contains("not a database"), "\(arguments): \(run.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == before)
    }

    @Test("a database path under a regular file: exit 74 naming the reason")
    func unwritableLocation() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config)
        let file = try directory.write("plain-file", "x")
        let run = try await BinaryRunner.run(["check", "--db", file + "/monitor.db"], in: directory.path)
        #expect(run.code == 74)
        #expect(run.err.contains("Not a directory"), "\(run.err)")
    }

    @Test("a full file system: exit 74 saying the disk is full, and the stored history survives")
    func fullDisk() async throws {
        let directory = try await Self.populated()
        let mountPoint = directory.file("small-fs")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        // A 256 KiB tmpfs needs root (CI runs as root); elsewhere this scenario cannot be made.
        let mounted = try await offloaded { () -> Bool in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/mount")
            process.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        guard mounted else {
            print("reliability: full-disk scenario not run: mounting a tmpfs needs root")
            return
        }
        defer { _ = try? runUnmount(mountPoint) }
        let database = mountPoint + "/monitor.db"
        try FileManager.default.copyItem(atPath: directory.file("monitor.db"), toPath: database)
        // Fill what is left.
        let filler = open(mountPoint + "/filler", O_CREAT | O_WRONLY, 0o600)
        let block = [UInt8](repeating: 0, count: 4_096)
        while write(filler, block, block.count) > 0 {}
        close(filler)

        let run = try await BinaryRunner.run(["check", "--db", database], in: directory.path)
        #expect(run.code == 74, "\(run.code): \(run.err)")
        #expect(run.err.contains("full"), "\(run.err)")
        unlink(mountPoint + "/filler")
        #expect(try SQLiteRows.strings(database, "PRAGMA integrity_check") == [["ok"]])
        #expect(try SQLiteRows.strings(database, "SELECT count(*) FROM runs") == [["2"]])
    }

    private func runUnmount(_ mountPoint: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [mountPoint]
        try process.run()
        process.waitUntilExit()
    }
}
