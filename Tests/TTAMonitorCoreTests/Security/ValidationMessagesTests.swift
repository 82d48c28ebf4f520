import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 24: messages name the real cause, through the real binary.
@Suite struct ValidationMessagesTests {
    @Test(arguments: ["file:///etc/passwd", "gopher://127.0.0.1:1/x", "dict://127.0.0.1:1/x"])
    func aRedirectToAForbiddenSchemeIsNamedAsSuch(target: String) async throws {
        let server = try LocalHTTPServer { _ in .init(status: 302, headers: [("Location", target)]) }
        let directory = try TemporaryDirectory()
        let configured = server.url("/start?token=s3cr3t")
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: api, type: http, url: "\(configured)", follow_redirects: true}
            """)
        let run = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        let scheme = String(target.prefix { $0 != ":" })
        #expect(run.out.contains("redirect to a \(scheme): URL refused (only http and https are followed)"), "\(run.out)")
        #expect(!run.out.contains("invalid URL"), "\(run.out)")
        #expect(!run.out.contains("s3cr3t"), "\(run.out)")
    }

    @Test func aConfiguredURLThatNoRequestCanUseIsRefusedWhenRead() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: api, type: http, url: "http://127.0.0.1:1/%zz x"}
            """)
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 78)
    }

    @Test(arguments: ["/proc/self/status", "/proc/self/tta-monitor.db", "/sys/kernel/tta-monitor.db"])
    func aDatabaseOnAVirtualFileSystemIsNotCalledFull(path: String) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  checks:\n    - {name: d, type: disk, path: /}\n")
        let run = try await BinaryRunner.run(["--db", path, "check"], in: directory.path)
        #expect(run.code == 74, "\(run.err)")
        #expect(!run.err.contains("full"), "\(run.err)")
        #expect(run.err.contains("virtual file system") || run.err.contains("cannot create"), "\(run.err)")
    }

    @Test func statusWithoutConfigPointsToTheExampleConfig() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(run.code == 66)
        #expect(run.err.contains("no config file found"), "\(run.err)")
        #expect(run.err.contains("tta_config.yaml.example"), "\(run.err)")
        #expect(!run.err.contains("run 'tta-monitor check'"), "\(run.err)")
    }

    @Test func statusWithAMissingExplicitDatabaseNamesTheDatabase() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["status", "--db", directory.file("nope.db")], in: directory.path)
        #expect(run.code == 66)
        #expect(run.err.contains("nope.db"), "\(run.err)")
        #expect(run.err.contains("--db"), "\(run.err)")
    }
}
