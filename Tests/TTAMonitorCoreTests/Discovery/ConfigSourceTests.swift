import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct ConfigSourceTests {
    func proposals(_ yaml: String) throws -> [DiscoveryProposal] {
        let root = try ConfigDocument(text: yaml, path: "t.yaml").root
        return ProposalMerger.merge(ConfigSource.findings(root: root))
    }

    @Test func headConfigGivesTheTTAServices() throws {
        guard let directory = ReferenceFiles.directory else {
            print("notice: TTA reference files not found; skipping")
            return
        }
        let found = ProposalMerger.merge(ConfigSource.findings(root: try ReferenceFiles.root(directory + "/tta_config.head.yaml")))
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        #expect(byName["player-api"]?.target == "http://localhost:8080/health")
        #expect(byName["redis"]?.target == "redis://localhost:6379")
        #expect(byName["neo4j"]?.target == "bolt://localhost:7687")
        #expect(byName["neo4j"]?.kind == "neo4j")
        #expect(byName["player-web"]?.target == "http://localhost:3000/")
        #expect(byName["prototype-neo4j"]?.target == "bolt://localhost:7688")
        #expect(byName["prototype-app"]?.kind == "http")
        // Disabled providers (lm_studio) and remote ones (openrouter) are not proposed.
        #expect(byName["lm-studio"] == nil)
        #expect(!found.contains { $0.target.contains("openrouter") })
    }

    @Test func everyReferenceVersionGivesASensibleList() throws {
        for path in ReferenceFiles.configs() {
            let found = ProposalMerger.merge(ConfigSource.findings(root: try ReferenceFiles.root(path)))
            #expect(found.count >= 2, "\(path): \(found.map(\.name))")
            #expect(found.contains { $0.kind == "neo4j" }, "\(path)")
            #expect(Set(found.map(\.name)).count == found.count, "\(path): names not unique")
            let report = DiscoveryReport(proposals: found)
            for text in [report.table(), report.json(), report.yaml()] {
                #expect(!text.contains("password@"), "\(path)")
                #expect(!text.contains("your-secret-key"), "\(path)")
                #expect(!text.contains(":password"), "\(path)")
            }
        }
    }

    @Test func oldVersionsWithAgentOrchestrationAndLMStudio() throws {
        guard let directory = ReferenceFiles.directory else { return }
        let found = ProposalMerger.merge(ConfigSource.findings(root: try ReferenceFiles.root(directory + "/tta_config.25be04ff.yaml")))
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        #expect(byName["agent-orchestration"]?.target == "tcp://localhost:8503")
        #expect(byName["lm-studio"]?.target == "http://localhost:1234/v1/models")
    }

    @Test func passwordsInURLsBecomePlaceholders() throws {
        let found = try proposals("""
            player_experience:
              database:
                redis_url: redis://:hunter2@localhost:6380/0
                neo4j_url: bolt://neo4j:graphpw@127.0.0.1:7687
            """)
        let report = DiscoveryReport(proposals: found)
        for text in [report.table(), report.json(), report.yaml()] {
            #expect(!text.contains("hunter2"))
            #expect(!text.contains("graphpw"))
        }
        #expect(found.first { $0.kind == "redis" }?.target == "redis://:${REDIS_PASSWORD}@localhost:6380/0")
        #expect(report.yaml().contains("${REDIS_PASSWORD}"))
    }

    @Test func disabledSectionsAreSkipped() throws {
        let found = try proposals("""
            tta.staging:
              enabled: false
              components:
                neo4j: {enabled: true, port: 7689}
            tta.dev:
              components:
                neo4j: {enabled: false, port: 7687}
                redis: {port: 6390}
            """)
        #expect(found.map(\.name) == ["redis"])
        #expect(found.first?.kind == "redis")
    }
}
