import Foundation
import Testing
@testable import TTAMonitorCore

/// `discover` reads compose files whose healthchecks and commands carry passwords
/// (`redis-cli -a PASSWORD ping`): its table, JSON, emitted YAML and saved components show
/// the commands with the credentials masked.
@Suite(.serialized) struct SecretsDiscoverTests {
    static let compose = """
        services:
          redis:
            image: redis:7
            command: redis-server --requirepass Compose-Pw-4
            environment:
              - REDIS_PASSWORD=Compose-Pw-5
            ports: ["6390:6379"]
            healthcheck:
              test: ["CMD", "redis-cli", "-a", "Compose-Pw-1", "ping"]
          cache:
            image: valkey
            ports: ["6391:6379"]
            healthcheck:
              test: ["CMD-SHELL", "redis-cli -h localhost -a 'Compose-Pw-2' ping | grep PONG"]
          neo4j:
            image: neo4j:5
            environment:
              NEO4J_AUTH: neo4j/Compose-Pw-6
            ports: ["7688:7687"]
            healthcheck:
              test: cypher-shell -u neo4j -p Compose-Pw-3 'RETURN 1' && wget -q http://u:Compose-Pw-7@localhost:7474/ -O-
          api:
            image: nginx
            ports: ["8089:80"]
            healthcheck:
              test: ["CMD", "curl", "-fsS", "-u", "svc:Compose-Pw-8", "-H", "X-Api-Key: Compose-Pw-9", "--password=Compose-Pw-10", "http://localhost/"]

        """

    @Test("credentials in discovered healthchecks and commands are masked in every output")
    func discoveredCommandsAreMasked() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("docker-compose.yml", Self.compose)
        var sweep = SecretsSweep()
        var table = ""
        for arguments in [["discover", "--source", "compose"], ["discover", "--source", "compose", "--json"],
                          ["discover", "--source", "compose", "--emit-yaml"],
                          ["discover", "--source", "compose", "--save", "--db", "m.db", "--json"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 0, "\(arguments): \(run.code) \(run.err)")
            if arguments.count == 3 { table = run.out }
            sweep.record(arguments, run)
        }
        // The healthchecks are still shown, only their secrets are not.
        for shown in ["redis-cli -a ******** ping", "redis-cli -h localhost -a '********' ping | grep PONG",
                      "cypher-shell -u neo4j -p ******** 'RETURN 1'", "http://u:********@localhost:7474/",
                      "-u svc:********", "X-Api-Key: ********", "--password=********"] {
            #expect(sweep.transcript.contains(shown), "'\(shown)' not shown:\n\(table)")
        }
        let files = try SecretsSweep.writtenFiles(in: directory.path, inputs: ["docker-compose.yml"])
        #expect(files.keys.contains("m.db"))
        let leaks = sweep.leaks(of: (1...10).map { "Compose-Pw-\($0)" }, files: files)
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("URLs from TTA's config are shown with a placeholder, also for a lone Redis password")
    func configURLsGetPlaceholders() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            player_experience:
              database:
                redis_url: "redis://Lone-Redis-Pw-1@localhost:6379/0"
                neo4j_url: "bolt://neo4j:Neo-Cfg-Pw-2@localhost:7687"

            """)
        var sweep = SecretsSweep()
        for arguments in [["discover", "--source", "config"], ["discover", "--source", "config", "--json"],
                          ["discover", "--source", "config", "--emit-yaml"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 0, "\(arguments): \(run.err)")
            sweep.record(arguments, run)
        }
        #expect(sweep.transcript.contains("redis://${REDIS_PASSWORD}@localhost:6379/0"), "\(sweep.transcript)")
        let leaks = sweep.leaks(of: ["Lone-Redis-Pw-1", "Neo-Cfg-Pw-2"], files: [:])
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("config show masks credentials in configured commands as discover does")
    func configShowMasksCommands() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: cache, type: command, command: "redis-cli -a Command-Pw-1 ping"}
                - {name: graph, type: command, command: [cypher-shell, -u, neo4j, -p, Command-Pw-2, "RETURN 1"]}
                - {name: api, type: command, command: [curl, -fsS, "http://u:Command-Pw-3@localhost/"]}
              alerts:
                channels:
                  - {name: page, type: command, command: [pager, --token, Command-Pw-4]}

            """)
        var sweep = SecretsSweep()
        for arguments in [["config", "show"], ["config", "show", "--json"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 0, "\(arguments): \(run.err)")
            sweep.record(arguments, run)
        }
        #expect(sweep.transcript.contains("redis-cli -a ******** ping") && sweep.transcript.contains("http://u:********@localhost/"),
                "\(sweep.transcript)")
        let leaks = sweep.leaks(of: (1...4).map { "Command-Pw-\($0)" }, files: [:])
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("command line masking", arguments: [
        ("redis-cli -a s3cret ping", "redis-cli -a ******** ping"),
        ("redis-cli -a $$REDIS_PASSWORD ping", "redis-cli -a $$REDIS_PASSWORD ping"),
        ("PGPASSWORD=pw1234 pg_isready -h db", "PGPASSWORD=******** pg_isready -h db"),
        ("mysqladmin ping -pS3cret", "mysqladmin ping -p********"),
        ("pg_isready -p 5432", "pg_isready -p 5432"),
        ("redis-cli -p 6379 ping", "redis-cli -p 6379 ping"),
        ("curl --token \"abc def\" http://x/", "curl --token \"********\" http://x/"),
    ])
    func shellMasking(line: String, expected: String) {
        #expect(CommandLineMasker.mask(shell: line) == expected)
    }
}
