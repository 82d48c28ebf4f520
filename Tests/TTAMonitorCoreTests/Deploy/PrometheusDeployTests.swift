import Foundation
import Testing

/// deploy/prometheus/: the scrape config and the alerting rules load in the real `promtool`,
/// and the rules' unit tests pass; a broken copy of each fails, so these tests can fail.
@Suite struct PrometheusDeployTests {
    /// A copy whose token path exists: `promtool check config` stats the credentials file.
    static func copyWithToken() throws -> DeployCopy {
        let copy = try DeployCopy()
        let token = try copy.scratch("tta-monitor.token", "test-token\n")
        try copy.replace("/etc/prometheus/tta-monitor.token", with: token, in: "prometheus/prometheus.yml")
        return copy
    }

    static func promtool(_ arguments: [String], in copy: DeployCopy) async throws -> ShellProcess.Outcome {
        let promtool = try DeployCopy.tool("promtool", package: "prometheus")
        return try await ShellProcess.run(promtool, arguments, workingDirectory: copy.path("prometheus"))
    }

    @Test func theScrapeConfigWithItsRulesAndFileSDTargetsChecks() async throws {
        let copy = try Self.copyWithToken()
        let run = try await Self.promtool(["check", "config", "prometheus.yml"], in: copy)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // check config also loads the rule files the config names.
        #expect(run.stdout.contains("SUCCESS: 8 rules found"), "\(run.stdout)")
    }

    @Test func aScrapeConfigWithAnUnknownKeyFails() async throws {
        let copy = try Self.copyWithToken()
        try copy.replace("scrape_interval: 15s\n    # A non-loopback", with: "scrape_intervall: 15s\n    # A non-loopback",
                         in: "prometheus/prometheus.yml")
        let run = try await Self.promtool(["check", "config", "prometheus.yml"], in: copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func theRulesCheck() async throws {
        let run = try await Self.promtool(["check", "rules", "tta-monitor.rules.yml"], in: try DeployCopy())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func aRuleWithABrokenExpressionFails() async throws {
        let copy = try DeployCopy()
        try copy.replace("tta_monitor_check_status == 3", with: "tta_monitor_check_status == ", in: "prometheus/tta-monitor.rules.yml")
        let run = try await Self.promtool(["check", "rules", "tta-monitor.rules.yml"], in: copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func theRulesUnitTestsPass() async throws {
        let run = try await Self.promtool(["test", "rules", "tta-monitor.rules.test.yml"], in: try DeployCopy())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("SUCCESS"), "\(run.stdout)")
    }

    /// A rule that pages later than it says (or not at all) must fail its unit test.
    @Test func theUnitTestsCatchARuleThatChanged() async throws {
        let copy = try DeployCopy()
        try copy.replace("expr: tta_monitor_check_status{critical=\"true\"} == 2\n        # Two minutes",
                         with: "expr: tta_monitor_check_status{critical=\"true\"} == 3\n        # Two minutes",
                         in: "prometheus/tta-monitor.rules.yml")
        let run = try await Self.promtool(["test", "rules", "tta-monitor.rules.test.yml"], in: copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("TTACriticalComponentDown") || run.stderr.contains("TTACriticalComponentDown"),
                "\(run.stdout)\(run.stderr)")
    }

    /// Every alerting rule has a unit test, so a new rule cannot land untested.
    @Test func everyRuleHasAUnitTest() throws {
        let rules = try String(contentsOfFile: DocumentationFiles.path("deploy/prometheus/tta-monitor.rules.yml"), encoding: .utf8)
        let tests = try String(contentsOfFile: DocumentationFiles.path("deploy/prometheus/tta-monitor.rules.test.yml"), encoding: .utf8)
        let names = rules.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("- alert: ") ? String(text.dropFirst("- alert: ".count)) : nil
        }
        #expect(names.count == 8, "\(names)")
        for name in names {
            #expect(tests.contains("alertname: \(name)\n"), "no promtool unit test for \(name)")
        }
    }
}
