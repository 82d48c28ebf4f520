import Foundation
import Testing
@testable import TTAMonitorCore

/// `tta-monitor discover` as a user runs it. These runs use the config and compose sources
/// only: a `ports` run from the binary would probe every test's servers on this machine,
/// so the port scan is tested in-process on the tests' own sockets (ProtocolIdentifierTests).
@Suite struct DiscoverEndToEndTests {
    func referenceCopy() throws -> TemporaryDirectory? {
        guard let reference = ReferenceFiles.directory else {
            print("notice: TTA reference files not found (set TTA_REFERENCE_DIR); skipping")
            return nil
        }
        let directory = try TemporaryDirectory()
        for (from, to) in [("tta_config.head.yaml", "tta_config.yaml"), ("docker-compose.yml", "docker-compose.yml"),
                           ("docker-compose.dev.yml", "docker-compose.dev.yml")] {
            try FileManager.default.copyItem(atPath: reference + "/" + from, toPath: directory.file(to))
        }
        return directory
    }

    @Test func referenceConfigAndComposeGiveTheExpectedComponents() async throws {
        guard let directory = try referenceCopy() else { return }
        let run = try await BinaryRunner.run(["discover", "--source", "config,compose", "--json"], in: directory.path)
        #expect(run.code == 0, "stderr: \(run.err)")
        let json = try JSONParser.parse(run.out)
        #expect(json["schema_version"] == .int(1))
        guard case .array(let components)? = json["components"] else {
            Issue.record("no components array: \(run.out)")
            return
        }
        func component(_ name: String) -> JSONValue? { components.first { $0["name"] == .string(name) } }
        #expect(component("player-api")?["target"] == .string("http://localhost:8080/health"))
        #expect(component("redis")?["target"] == .string("redis://localhost:6379"))
        #expect(component("redis")?["sources"] == .array([.string("config"), .string("compose")]))
        #expect(component("neo4j")?["kind"] == .string("neo4j"))
        guard case .array(let notes)? = component("neo4j")?["notes"] else {
            Issue.record("neo4j has no notes")
            return
        }
        #expect(notes.contains(.string("container tta-dev-neo4j")))
        #expect(!run.out.contains("tta_dev_password_2024"))
        #expect(!run.out.contains("your-secret-key"))
    }

    @Test func emittedYAMLLoadsBackAsValidChecks() async throws {
        guard let directory = try referenceCopy() else { return }
        let run = try await BinaryRunner.run(["discover", "--source", "config", "--source", "compose", "--emit-yaml"], in: directory.path)
        #expect(run.code == 0, "stderr: \(run.err)")
        let config = try ConfigLoader(environment: [:]).load(text: run.out, path: "fragment.yaml")
        let names = config.checks.map(\.name)
        for expected in ["player-api", "redis", "neo4j", "neo4j-http", "prototype-neo4j"] {
            #expect(names.contains(expected), "\(names)")
        }
        #expect(config.check(named: "redis")?.kind.name == "redis")
    }

    @Test func saveReportsWhatAppearedAndWhatWentMissing() async throws {
        let directory = try TemporaryDirectory()
        let withCache = """
            player_experience:
              database:
                redis_url: redis://:hunter2@localhost:6399
              api: {port: 8099}
            """
        _ = try directory.write("tta_config.yaml", withCache)
        let first = try await BinaryRunner.run(["discover", "--source", "config", "--save", "--db", "m.db"], in: directory.path)
        #expect(first.code == 0, "stderr: \(first.err)")
        #expect(first.out.contains("new: redis"))
        #expect(first.out.contains("new: player-api"))
        #expect(!first.out.contains("hunter2"))

        _ = try directory.write("tta_config.yaml", "player_experience:\n  api: {port: 8099}\n")
        let second = try await BinaryRunner.run(["discover", "--source", "config", "--save", "--db", "m.db", "--json"], in: directory.path)
        #expect(second.code == 0, "stderr: \(second.err)")
        let json = try JSONParser.parse(second.out)
        #expect(json["missing"] == .array([.string("redis")]))
        #expect(json["appeared"] == .array([]))
    }

    @Test func unknownSourceIsAUsageError() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["discover", "--source", "config,docker"], in: directory.path)
        #expect(run.code == 64)
        #expect(run.err.contains("'docker' is invalid for '--source"))
    }

    /// With `monitoring.discovery.auto: true`, `check` discovers (here from the config
    /// source only), checks what it saved, and keeps checking a component that went away.
    @Test func autoDiscoveryChecksSavedComponentsAndReportsMissingOnes() async throws {
        let directory = try TemporaryDirectory()
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        let head = """
            monitoring:
              storage: {path: m.db}
              discovery: {auto: true, sources: [config]}
              checks:
                - {name: hand-written, type: tcp, url: "tcp://127.0.0.1:\(redis.port)"}

            """
        _ = try directory.write("tta_config.yaml", head + "player_experience:\n  database:\n    redis_url: \(redis.url)\n")
        let first = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(first.code == 0, "stdout: \(first.out) stderr: \(first.err)")
        #expect(first.err.contains("discovered: redis"))
        let redisRow = first.out.split(separator: "\n").first { $0.hasPrefix("redis ") } ?? ""
        #expect(redisRow.contains("OK") && redisRow.contains("PONG"), "\(first.out)")

        redis.stop()
        _ = try directory.write("tta_config.yaml", head)
        let second = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(second.code == 2)
        #expect(second.err.contains("missing: redis"))
        let missingRow = second.out.split(separator: "\n").first { $0.hasPrefix("redis ") } ?? ""
        #expect(missingRow.contains("CRITICAL"), "\(second.out)")
    }
}
