import Foundation
import Testing
@testable import TTAMonitorCore

/// `check --format nagios|junit|tap|openmetrics` and `--output FORMAT=PATH` through the
/// built binary, each report read by a real consumer: promtool, xmllint, TAP::Parser.
@Suite(.serialized) struct CheckFormatsEndToEndTests {
    /// One check per status: `api` OK, `broken-api` CRITICAL (HTTP 500), `slowish` WARNING
    /// (80 ms against a 20 ms warning threshold), `plugin` UNKNOWN (a plugin exiting 3).
    struct Fixture {
        let directory: TemporaryDirectory
        let http: LocalHTTPServer

        init() throws {
            directory = try TemporaryDirectory()
            http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
            try directory.write("tta_config.yaml", """
                monitoring:
                  checks:
                    - name: api
                      type: http
                      url: \(http.url("/ok"))
                      latency: {warning: 2s, critical: 4s}
                    - name: broken-api
                      type: http
                      url: \(http.url("/error"))
                    - name: slowish
                      type: http
                      url: \(http.url("/slow?ms=80"))
                      latency: {warning: 20ms, critical: 5s}
                    - name: plugin
                      type: command
                      command: "echo 'cannot tell'; exit 3"
                """)
        }

        func run(_ arguments: [String]) async throws -> BinaryRunner.Outcome {
            try await BinaryRunner.run(["check", "--no-store"] + arguments, in: directory.path)
        }

        func read(_ name: String) throws -> String {
            try String(contentsOfFile: directory.file(name), encoding: .utf8)
        }

        /// Files in the directory, hidden ones included (a leftover temporary file would show).
        func listing(_ subdirectory: String = "") throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory.file(subdirectory))
                .filter { !$0.hasPrefix(".stdout-") && !$0.hasPrefix(".stderr-") }.sorted()
        }
    }

    @Test func nagiosStatusWordAndExitStatusAgree() async throws {
        let fixture = try Fixture()
        let cases: [([String], Int32, String)] = [
            (["api"], 0, "TTA-MONITOR OK - 1 check OK | 'api_latency'="),
            (["api", "slowish"], 1, "TTA-MONITOR WARNING - 1 of 2 checks failing: slowish | 'api_latency'="),
            (["api", "slowish", "--fail-on", "critical"], 0,
             "TTA-MONITOR OK - 0 of 2 checks failing; 1 warning ignored (--fail-on critical): slowish | "),
            (["api", "plugin"], 3, "TTA-MONITOR UNKNOWN - 1 of 2 checks failing: plugin | 'api_latency'="),
            ([], 2, "TTA-MONITOR CRITICAL - 3 of 4 checks failing: broken-api, plugin, slowish | 'api_latency'="),
        ]
        for (arguments, code, prefix) in cases {
            let run = try await fixture.run(["--format", "nagios"] + arguments)
            #expect(run.code == code, "\(arguments): \(run.out)\(run.err)")
            #expect(run.out.hasPrefix(prefix), "\(arguments): \(run.out)")
        }
        let all = try await fixture.run(["--format", "nagios"])
        let lines = all.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("'api_latency'=") == true && lines.first?.contains("ms;2000;4000;0") == true)
        #expect(lines.first?.contains("'slowish_latency'=") == true && lines.first?.contains("ms;20;5000;0") == true)
        #expect(Array(lines.dropFirst()).map { $0.prefix { $0 != ":" } }
            == ["[CRITICAL] broken-api", "[UNKNOWN] plugin", "[WARNING] slowish", "[OK] api"])
        #expect(!all.out.contains("e-") && !all.out.contains("e+"))
    }

    @Test func openMetricsPassesPromtoolAndReplacesTheFileWhole() async throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.directory.file("textfile"), withIntermediateDirectories: true)
        try "stale content from an earlier run\n".write(toFile: fixture.directory.file("textfile/tta.prom"), atomically: false, encoding: .utf8)
        let run = try await fixture.run(["--output", "openmetrics=textfile/tta.prom"])
        #expect(run.code == 2, "\(run.err)")
        #expect(run.out.isEmpty)
        let promtool = try await ReportConsumers.promtool(fixture.directory.file("textfile/tta.prom"))
        #expect(promtool.status == 0, "promtool: \(promtool.stdout)\(promtool.stderr)")
        let text = try fixture.read("textfile/tta.prom")
        #expect(text.contains(#"tta_monitor_check_status{check="broken-api",kind="http"} 2"#))
        #expect(text.contains(#"tta_monitor_check_status{check="slowish",kind="http"} 1"#))
        #expect(text.contains(#"tta_monitor_check_status{check="plugin",kind="command"} 3"#))
        #expect(text.contains(#"tta_monitor_check_latency_seconds{check="api",kind="http"} 0."#))
        #expect(text.hasSuffix("# EOF\n") && !text.contains("stale"))
        #expect(try fixture.listing("textfile") == ["tta.prom"])

        let stdout = try await fixture.run(["--format", "openmetrics", "api"])
        #expect(stdout.code == 0)
        let file = try fixture.directory.write("stdout.prom", stdout.out)
        let checked = try await ReportConsumers.promtool(file)
        #expect(checked.status == 0, "promtool: \(checked.stdout)\(checked.stderr)")
    }

    @Test func junitIsWellFormedWithOneTestCasePerCheck() async throws {
        let fixture = try Fixture()
        let run = try await fixture.run(["--format", "junit", "--output", "report.xml"])
        #expect(run.code == 2)
        #expect(run.out.isEmpty)
        let file = fixture.directory.file("report.xml")
        let lint = try await ReportConsumers.xmllint(file)
        #expect(lint.status == 0, "xmllint: \(lint.stderr)")
        #expect(try await ReportConsumers.xpath("count(/testsuites/testsuite)", in: file) == "1")
        #expect(try await ReportConsumers.xpath("string(/testsuites/testsuite/@tests)", in: file) == "4")
        #expect(try await ReportConsumers.xpath("string(/testsuites/testsuite/@failures)", in: file) == "2")
        #expect(try await ReportConsumers.xpath("string(/testsuites/testsuite/@errors)", in: file) == "1")
        #expect(try await ReportConsumers.xpath("count(//testsuite/testcase)", in: file) == "4")
        #expect(try await ReportConsumers.xpath("count(//testcase[@classname='tta-monitor.http'])", in: file) == "3")
        #expect(try await ReportConsumers.xpath("string(//testcase[failure/@type='CRITICAL']/@name)", in: file) == "broken-api")
        #expect(try await ReportConsumers.xpath("string(//testcase[failure/@type='WARNING']/@name)", in: file) == "slowish")
        #expect(try await ReportConsumers.xpath("string(//testcase[error/@type='UNKNOWN']/@name)", in: file) == "plugin")
        #expect(try await ReportConsumers.xpath("count(//testcase[@name='api']/*[self::failure or self::error])", in: file) == "0")

        let lenient = try await fixture.run(["--format", "junit", "--fail-on", "critical", "api", "slowish"])
        #expect(lenient.code == 0)
        let lenientFile = try fixture.directory.write("lenient.xml", lenient.out)
        #expect(try await ReportConsumers.xmllint(lenientFile).status == 0)
        #expect(try await ReportConsumers.xpath("string(/testsuites/testsuite/@failures)", in: lenientFile) == "0")
        #expect(try await ReportConsumers.xpath("starts-with(//testcase[@name='slowish']/system-out, 'WARNING: ')", in: lenientFile) == "true")
    }

    @Test func tapParsesWithTAPParserAndCountsAgreeWithTheVerdict() async throws {
        let fixture = try Fixture()
        let run = try await fixture.run(["--format", "tap"])
        #expect(run.code == 2)
        #expect(run.out.hasPrefix("TAP version 14\n1..4\n"))
        let strict = try await ReportConsumers.parseTAP(try fixture.directory.write("strict.tap", run.out))
        #expect(strict.parseErrors.isEmpty, "\(strict.parseErrors)")
        #expect(strict["plan"] == "1..4" && strict["tests_run"] == "4" && strict["good_plan"] == "1")
        #expect(strict["passed"] == "1" && strict["failed"] == "3" && strict["todo"] == "0")
        #expect(strict.statuses == ["OK", "CRITICAL", "WARNING", "UNKNOWN"])

        let lenient = try await fixture.run(["--format", "tap", "--fail-on", "critical", "api", "slowish"])
        #expect(lenient.code == 0)
        let parsed = try await ReportConsumers.parseTAP(try fixture.directory.write("lenient.tap", lenient.out))
        #expect(parsed.parseErrors.isEmpty, "\(parsed.parseErrors)")
        #expect(parsed["failed"] == "0" && parsed["todo"] == "1" && parsed["passed"] == "2")
    }

    @Test func severalReportsComeFromOneRunAndStdoutStaysClean() async throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.directory.file("out"), withIntermediateDirectories: true)
        let outputs = ["--output", "junit=out/report.xml", "--output", "openmetrics=out/tta.prom",
                       "--output", "tap=out/report.tap", "--output", "nagios=out/nagios.txt", "--output=json=out/run.json"]
        let quiet = try await fixture.run(outputs)
        #expect(quiet.code == 2, "\(quiet.err)")
        #expect(quiet.out.isEmpty)
        #expect(http(fixture) == 3)   // three http checks, probed once for all five reports
        #expect(try fixture.listing("out") == ["nagios.txt", "report.tap", "report.xml", "run.json", "tta.prom"])
        #expect(try fixture.read("out/nagios.txt").hasPrefix("TTA-MONITOR CRITICAL - 3 of 4 checks failing"))
        #expect(try JSONParser.parse(fixture.read("out/run.json"))["summary"]?["total"] == .int(4))
        #expect(try await ReportConsumers.promtool(fixture.directory.file("out/tta.prom")).status == 0)
        #expect(try await ReportConsumers.xmllint(fixture.directory.file("out/report.xml")).status == 0)
        #expect(try await ReportConsumers.parseTAP(fixture.directory.file("out/report.tap")).parseErrors.isEmpty)

        let printed = try await fixture.run(["--format", "nagios", "--output", "junit=out/report.xml"])
        #expect(printed.code == 2)
        #expect(printed.out.hasPrefix("TTA-MONITOR CRITICAL - "))
        #expect(!printed.out.contains("<testsuite"))
    }

    @Test func anUnknownOutputFormatIsAUsageErrorBeforeAnythingIsProbed() async throws {
        let fixture = try Fixture()
        let run = try await fixture.run(["--output", "xml=report.xml"])
        #expect(run.code == 64)
        #expect(run.err.hasPrefix("Error: The format 'xml' is invalid in '--output xml=report.xml'. Please provide one of "
            + "'table', 'json', 'nagios', 'junit', 'tap' or 'openmetrics'"))
        #expect(run.err.contains("Usage: tta-monitor check"))
        #expect(http(fixture) == 0)
        let twice = try await fixture.run(["--format", "json", "--output", "tap=-"])
        #expect(twice.code == 64)
        #expect(twice.err.contains("Only one report can go to standard output"))
    }

    @Test func anUnwritableOutputIsExit74NamingItAndLeavesNoPartialFile() async throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.directory.file("taken.xml"), withIntermediateDirectories: true)
        let run = try await fixture.run(["--format", "nagios", "--output", "junit=missing/report.xml",
                                         "--output", "tap=taken.xml", "--output", "openmetrics=tta.prom"])
        #expect(run.code == 74, "\(run.out)\(run.err)")
        #expect(run.err.contains("cannot create output file 'missing/report.xml'"))
        #expect(run.err.contains("'taken.xml'"))
        // The writable report is still written whole, and stdout still gets its report.
        #expect(try await ReportConsumers.promtool(fixture.directory.file("tta.prom")).status == 0)
        #expect(run.out.hasPrefix("TTA-MONITOR CRITICAL"))
        #expect(try fixture.listing() == ["taken.xml", "tta.prom", "tta_config.yaml"])
        #expect(try fixture.listing("taken.xml").isEmpty)
    }

    private func http(_ fixture: Fixture) -> Int { fixture.http.requestCount }
}
