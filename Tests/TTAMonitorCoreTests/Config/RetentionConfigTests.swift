import Testing
@testable import TTAMonitorCore

@Suite struct RetentionConfigTests {
    func load(_ yaml: String) throws -> MonitoringConfig {
        try ConfigLoader(environment: [:]).load(text: yaml, path: "test.yaml")
    }

    @Test func windowsDefaultAndOverride() throws {
        let config = try load("monitoring:\n  retention:\n    checks: 14d\n    metrics: 12h\n")
        #expect(config.retention.window(.checks) == .seconds(14 * 86_400))
        #expect(config.retention.window(.metrics) == .seconds(12 * 3_600))
        #expect(config.retention.window(.rollups) == .seconds(90 * 86_400))
        #expect(config.retention.window(.carbon) == .seconds(365 * 86_400))
        #expect(try load("monitoring:\n  checks: []\n").retention == RetentionConfig())
    }

    @Test func unknownKeyNamesTheNearestDataset() throws {
        #expect {
            _ = try load("monitoring:\n  retention:\n    chekcs: 7d\n")
        } throws: { error in
            String(describing: error).contains("did you mean 'checks'?") && String(describing: error).contains("3:")
        }
    }

    @Test func malformedDurationIsRejected() {
        #expect(throws: ConfigError.self) { _ = try load("monitoring:\n  retention:\n    rollups: forever\n") }
    }
}
