import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct ComposeSourceTests {
    let interpolation = EnvironmentInterpolation(environment: ["WEB_PORT": "8088"])

    func port(_ yaml: String) throws -> ComposeSource.PublishedPort? {
        let node = try #require(try ConfigDocument(text: "- " + yaml, path: "c.yml").root?.sequenceItems?.first)
        return ComposeSource.parsePort(node, interpolation: interpolation)
    }

    @Test func shortAndLongPortSyntax() throws {
        #expect(try port("\"6379:6379\"") == .init(hostIP: nil, published: 6379, target: 6379))
        #expect(try port("\"127.0.0.1:8080:80\"") == .init(hostIP: "127.0.0.1", published: 8080, target: 80))
        #expect(try port("\"${WEB_PORT:-80}:80/tcp\"") == .init(hostIP: nil, published: 8088, target: 80))
        #expect(try port("\"[::1]:9000:9000\"") == .init(hostIP: "::1", published: 9000, target: 9000))
        #expect(try port("{target: 5432, published: 15432, host_ip: 127.0.0.1}") == .init(hostIP: "127.0.0.1", published: 15432, target: 5432))
        #expect(try port("\"3000\"") == nil)
        #expect(try port("\"53:53/udp\"") == nil)
    }

    @Test func referenceDevComposeGivesRedisAndNeo4jWithHealthchecks() throws {
        guard let directory = ReferenceFiles.directory else {
            print("notice: TTA reference files not found; skipping")
            return
        }
        let path = directory + "/docker-compose.dev.yml"
        let found = ComposeSource.findings(root: try ReferenceFiles.root(path), label: "docker-compose.dev.yml", environment: [:])
        let redis = try #require(found.first { $0.name == "redis" })
        #expect(redis.kind == "redis")
        #expect(redis.port == 6379)
        #expect(redis.notes.contains("healthcheck: redis-cli ping"))
        let neo4j = try #require(found.first { $0.name == "neo4j" })
        #expect(neo4j.kind == "neo4j")
        #expect(neo4j.port == 7687)
        #expect(neo4j.notes.contains("container tta-dev-neo4j"))
        #expect(neo4j.notes.contains { $0.hasPrefix("healthcheck: wget") })
        #expect(found.first { $0.port == 7474 }?.kind == "http")

        let renamed = ComposeSource.findings(root: try ReferenceFiles.root(path), label: "dev", environment: ["CONTAINER_PREFIX": "tta-x"])
        #expect(renamed.first { $0.name == "neo4j" }?.notes.contains("container tta-x-neo4j") == true)
    }

    @Test func bothReferenceComposeFilesAreFoundNextToTheConfig() throws {
        guard let directory = ReferenceFiles.directory else { return }
        let files = ComposeSource.defaultFiles(in: directory).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(files == ["docker-compose.dev.yml", "docker-compose.yml"])
    }
}
