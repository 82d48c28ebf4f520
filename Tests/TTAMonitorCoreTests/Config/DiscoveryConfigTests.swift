import Testing
@testable import TTAMonitorCore

@Suite struct DiscoveryConfigTests {
    func load(_ yaml: String) throws(ConfigError) -> MonitoringConfig {
        try ConfigLoader(environment: [:]).load(text: yaml, path: "tta_config.yaml")
    }

    @Test func defaultsWithoutASection() throws {
        let config = try load("monitoring:\n  checks: []\n")
        #expect(config.discovery == DiscoveryConfig())
        #expect(config.discovery.sources == [.config, .compose, .ports])
    }

    @Test func sourcesAndComposeFilesAreRead() throws {
        let config = try load("""
            monitoring:
              discovery:
                auto: false
                sources: [ports, processes, ports]
                compose_files: [docker-compose.dev.yml]
            """)
        #expect(config.discovery.sources == [.ports, .processes])
        #expect(config.discovery.composeFiles == ["docker-compose.dev.yml"])
    }

    @Test func unknownSourceAndUnknownKeyAreErrorsWithTheirLine() {
        #expect {
            try load("monitoring:\n  discovery:\n    sources: [ports, docker]\n")
        } throws: { error in
            "\(error)".contains("unknown discovery source 'docker'") && "\(error)".contains(":3:")
        }
        #expect(throws: ConfigError.self) { try load("monitoring:\n  discovery:\n    sourcez: [ports]\n") }
    }

    @Test func autoIsABoolean() throws {
        #expect(try load("monitoring:\n  discovery:\n    auto: true\n").discovery.auto)
        #expect(throws: ConfigError.self) { try load("monitoring:\n  discovery:\n    auto: sometimes\n") }
    }
}
