import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 1: links another local user plants in a shared directory never redirect
/// what root writes there: report and export files go through a random temporary name
/// created with O_EXCL|O_NOFOLLOW, and the `file` channel refuses a linked path.
@Suite(.serialized) struct FilesSymlinkTests {
    static let config = """
        monitoring:
          storage: {path: monitor.db}
          checks:
            - {name: one, type: command, command: "echo fine"}
          alerts:
            channels:
              - {name: jsonl, type: file, path: shared/alerts.jsonl}

        """

    struct Fixture {
        let directory: TemporaryDirectory
        let shared: String
        let victim: String

        init(sticky: Bool) throws {
            directory = try TemporaryDirectory()
            shared = try FilesAttacker.sharedDirectory(in: directory, name: "shared", sticky: sticky)
            victim = try FilesAttacker.victim(in: directory)
            try directory.write("tta_config.yaml", FilesSymlinkTests.config)
        }

        var victimText: String { (try? String(contentsOfFile: victim, encoding: .utf8)) ?? "(unreadable)" }

        func isRegularFile(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }
    }

    @Test("check --output: links planted at the old temporary names and at the target never reach the victim",
          arguments: [true, false])
    func checkOutput(sticky: Bool) async throws {
        let fixture = try Fixture(sticky: sticky)
        let junit = fixture.shared + "/report.xml"
        let tap = fixture.shared + "/report.tap"
        try FilesAttacker.plantLegacyTemporaryLinks(for: junit, to: fixture.victim)
        try FilesAttacker.plantLegacyTemporaryLinks(for: tap, to: fixture.victim)
        try FilesAttacker.plantLink(tap, to: fixture.victim)

        let run = try await FilesAttacker.runAsPIDOne(["check", "--output", "junit=shared/report.xml", "--output", "tap=shared/report.tap"],
                                                      in: fixture.directory.path)
        #expect(run.code == 0, "\(run.err)")
        #expect(fixture.victimText == "precious\n")
        #expect(fixture.isRegularFile(junit) && fixture.isRegularFile(tap))
        #expect(try String(contentsOfFile: tap, encoding: .utf8).hasPrefix("TAP version"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.shared).filter { $0.contains(".tmp-") && !$0.hasSuffix(".tmp-1") }
        #expect(leftovers.isEmpty)
    }

    @Test("export --output: links planted at the old temporary names never reach the victim", arguments: [true, false])
    func exportOutput(sticky: Bool) async throws {
        let fixture = try Fixture(sticky: sticky)
        #expect(try await BinaryRunner.run(["check"], in: fixture.directory.path).code == 0)
        for (format, name) in [("csv", "checks.csv"), ("pdf", "checks.pdf"), ("openmetrics", "tta.prom")] {
            let target = fixture.shared + "/" + name
            try FilesAttacker.plantLegacyTemporaryLinks(for: target, to: fixture.victim)
            let run = try await FilesAttacker.runAsPIDOne(["export", "--format", format, "--report", "checks", "--output", "shared/" + name],
                                                          in: fixture.directory.path)
            #expect(run.code == 0, "\(format): \(run.err)")
            #expect(fixture.isRegularFile(target), "\(format)")
        }
        #expect(fixture.victimText == "precious\n")
    }

    @Test("the file channel refuses a planted link, FIFO or foreign file, and the victim stays as it was", arguments: [true, false])
    func fileChannelRefusesPlantedPaths(sticky: Bool) async throws {
        let fixture = try Fixture(sticky: sticky)
        let path = fixture.shared + "/alerts.jsonl"
        let plants: [(String, () throws -> Void, String)] = [
            ("link", { try FilesAttacker.plantLink(path, to: fixture.victim) }, "it is a symbolic link"),
            ("fifo", { try FilesAttacker.plantFIFO(path) }, "not a regular file"),
        ] + (FilesAttacker.actsAsNobody ? [("foreign file", { try FilesAttacker.plantFile(path) }, "it belongs to uid")] : [])
        for (what, plant, reason) in plants {
            try? FileManager.default.removeItem(atPath: path)
            try plant()
            let run = try await BinaryRunner.run(["alerts", "notify-test", "jsonl"], in: fixture.directory.path)
            #expect(run.code == 75, "\(what): \(run.err)")
            #expect(run.err.contains("refusing to write shared/alerts.jsonl: \(reason)"), "\(what): \(run.err)")
        }
        #expect(fixture.victimText == "precious\n")
        if FilesAttacker.actsAsNobody {
            #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty, "the foreign file received alert data")
        }
    }

    @Test("the file channel still creates and appends to its own file")
    func fileChannelAppends() async throws {
        let fixture = try Fixture(sticky: true)
        for _ in 0..<2 {
            let run = try await BinaryRunner.run(["alerts", "notify-test", "jsonl"], in: fixture.directory.path)
            #expect(run.code == 0, "\(run.err)")
        }
        let lines = try String(contentsOfFile: fixture.shared + "/alerts.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }
}

extension FilesSymlinkTests {
    @Test("a database path in a shared directory: another user's link there, or a link at its -wal, is refused",
          arguments: [true, false])
    func plantedDatabaseLinks(sticky: Bool) async throws {
        let fixture = try Fixture(sticky: sticky)
        let emptyVictim = try fixture.directory.write("empty-victim", "")
        try FilesAttacker.plantLink(fixture.shared + "/monitor.db-wal", to: fixture.victim)
        let wal = try await BinaryRunner.run(["--db", "shared/monitor.db", "check"], in: fixture.directory.path)
        #expect(wal.code == 74, "\(wal.err)")
        #expect(wal.err.contains("shared/monitor.db-wal is a symbolic link; refusing to let SQLite write through it"), "\(wal.err)")
        #expect(fixture.victimText == "precious\n")

        guard FilesAttacker.actsAsNobody else { return }
        try FilesAttacker.plantLink(fixture.shared + "/other.db", to: emptyVictim)
        let foreign = try await BinaryRunner.run(["--db", "shared/other.db", "check"], in: fixture.directory.path)
        #expect(foreign.code == 74, "\(foreign.err)")
        #expect(foreign.err.contains("symbolic link owned by uid"), "\(foreign.err)")
        let size = try FileManager.default.attributesOfItem(atPath: emptyVictim)[.size] as? Int
        #expect(size == 0, "root wrote a database into the victim")
    }
}
