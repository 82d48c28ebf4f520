import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 13: two `--output` reports that would write one file, however the paths
/// are spelled (`./`, absolute, `//`, `..`, a linked directory, a hard link), are a usage
/// error (64) before anything runs, instead of one report silently replacing the other.
@Suite(.serialized) struct FilesOutputIdentityTests {
    struct Fixture {
        let directory: TemporaryDirectory
        let marker: String

        init() throws {
            directory = try TemporaryDirectory()
            marker = directory.file("ran")
            try directory.write("tta_config.yaml", """
                monitoring:
                  checks:
                    - {name: one, type: command, command: "touch '\(marker)'; echo fine"}

                """)
            try FileManager.default.createDirectory(atPath: directory.file("sub"), withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: directory.file("linked"), withDestinationPath: directory.path)
            try directory.write("a.xml", "earlier\n")
            try FileManager.default.linkItem(atPath: directory.file("a.xml"), toPath: directory.file("hard.xml"))
        }
    }

    static let sameFile: [[String]] = [
        ["junit=a.xml", "tap=./a.xml"],
        ["junit=a.xml", "tap=ABS/a.xml"],
        ["junit=a.xml", "tap=sub/../a.xml"],
        ["junit=sub/r.xml", "tap=sub//r.xml"],
        ["junit=a.xml", "tap=linked/a.xml"],
        ["junit=a.xml", "tap=hard.xml"],
        ["a.xml", "tap=./a.xml"],
    ]

    @Test("one file under two spellings is a usage error, and nothing runs", arguments: sameFile)
    func sameFileTwice(outputs: [String]) async throws {
        let fixture = try Fixture()
        let arguments = outputs.flatMap { ["--output", $0.replacingOccurrences(of: "ABS", with: fixture.directory.path)] }
        let run = try await BinaryRunner.run(["check", "--no-store"] + arguments, in: fixture.directory.path)
        #expect(run.code == 64, "\(run.err)")
        #expect(run.err.hasPrefix("Error: Two reports would write the same file, '"), "\(run.err)")
        #expect(run.err.contains("Usage: tta-monitor check"))
        #expect(!FileManager.default.fileExists(atPath: fixture.marker), "the checks ran")
        #expect(try String(contentsOfFile: fixture.directory.file("a.xml"), encoding: .utf8) == "earlier\n")
    }

    @Test("different files stay allowed, also ones with the same name in other directories")
    func differentFiles() async throws {
        let fixture = try Fixture()
        let run = try await BinaryRunner.run(["check", "--no-store", "--output", "junit=a.xml", "--output", "tap=sub/a.xml",
                                              "--output", "nagios=b.txt"], in: fixture.directory.path)
        #expect(run.code == 0, "\(run.err)")
        #expect(try String(contentsOfFile: fixture.directory.file("sub/a.xml"), encoding: .utf8).hasPrefix("TAP version"))
        #expect(try String(contentsOfFile: fixture.directory.file("a.xml"), encoding: .utf8).contains("<testsuite"))
    }

    @Test("identity keys: spellings of one path overlap, other paths do not")
    func keys() throws {
        let fixture = try Fixture()
        let base = fixture.directory.path
        let a = OutputFileIdentity.keys(for: base + "/a.xml")
        #expect(!a.isDisjoint(with: OutputFileIdentity.keys(for: base + "/./sub/../a.xml")))
        #expect(!a.isDisjoint(with: OutputFileIdentity.keys(for: base + "//a.xml")))
        #expect(a.isDisjoint(with: OutputFileIdentity.keys(for: base + "/sub/a.xml")))
        #expect(a.isDisjoint(with: OutputFileIdentity.keys(for: base + "/b.xml")))
    }
}

extension FilesOutputIdentityTests {
    @Test("a report that would replace the database or the config file is a usage error, and nothing runs",
          arguments: [("junit=./monitor.db", "is the database"), ("tap=tta_config.yaml", "is the config file")])
    func reportOverDatabaseOrConfig(output: String, reason: String) async throws {
        let fixture = try Fixture()
        #expect(try await BinaryRunner.run(["check", "--db", "monitor.db"], in: fixture.directory.path).code == 0)
        try FileManager.default.removeItem(atPath: fixture.marker)
        let config = try String(contentsOfFile: fixture.directory.file("tta_config.yaml"), encoding: .utf8)
        let run = try await BinaryRunner.run(["check", "--db", "monitor.db", "--output", output], in: fixture.directory.path)
        #expect(run.code == 64, "\(run.err)")
        #expect(run.err.contains("The report file '\(output.split(separator: "=")[1])' \(reason)"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: fixture.marker), "the checks ran")
        #expect(try SQLiteRows.strings(fixture.directory.file("monitor.db"), "PRAGMA integrity_check") == [["ok"]])
        #expect(try String(contentsOfFile: fixture.directory.file("tta_config.yaml"), encoding: .utf8) == config)
    }
}
