import Testing
@testable import TTAMonitorCore

/// Which report goes where, from --format, --json and every --output.
@Suite struct ReportOutputPlanTests {
    typealias Target = ReportOutputPlan.Target

    func plan(format: String? = nil, json: Bool = false, _ outputs: String...) throws -> [Target] {
        try ReportOutputPlan(format: format, json: json, outputs: outputs, commandPath: ["check"]).targets
    }

    @Test func withoutOutputTheFormatGoesToStdout() throws {
        #expect(try plan() == [Target(format: .table, destination: .standardOutput)])
        #expect(try plan(json: true) == [Target(format: .json, destination: .standardOutput)])
        #expect(try plan(format: "tap", json: true) == [Target(format: .tap, destination: .standardOutput)])
    }

    @Test func plainOutputTakesTheFormatReport() throws {
        #expect(try plan("report.txt") == [Target(format: .table, destination: .file("report.txt"))])
        #expect(try plan(format: "nagios", "-") == [Target(format: .nagios, destination: .standardOutput)])
    }

    @Test func formatOutputsAloneLeaveStdoutEmpty() throws {
        #expect(try plan("junit=report.xml", "openmetrics=/var/lib/node_exporter/tta.prom") == [
            Target(format: .junit, destination: .file("report.xml")),
            Target(format: .openmetrics, destination: .file("/var/lib/node_exporter/tta.prom")),
        ])
    }

    @Test func formatOutputsWithFormatAlsoPrintIt() throws {
        #expect(try plan(format: "nagios", "junit=report.xml") == [
            Target(format: .nagios, destination: .standardOutput),
            Target(format: .junit, destination: .file("report.xml")),
        ])
        #expect(try plan("all.txt", "tap=-") == [
            Target(format: .table, destination: .file("all.txt")),
            Target(format: .tap, destination: .standardOutput),
        ])
    }

    @Test func pathsWithAnEqualsSignStayPaths() throws {
        #expect(try plan("./a=b.txt") == [Target(format: .table, destination: .file("./a=b.txt"))])
        #expect(try plan("junit=x=y.xml") == [Target(format: .junit, destination: .file("x=y.xml"))])
    }

    @Test func unknownFormatIsAUsageErrorListingTheFormats() {
        #expect(throws: UsageError("The format 'xml' is invalid in '--output xml=report.xml'. Please provide one of "
            + "'table', 'json', 'nagios', 'junit', 'tap' or 'openmetrics' (for a file named 'xml=report.xml', "
            + "write './xml=report.xml').", commandPath: ["check"])) { try plan("xml=report.xml") }
    }

    @Test func conflictsAreUsageErrors() {
        #expect(throws: UsageError.self) { try plan("a.txt", "b.txt") }
        #expect(throws: UsageError.self) { try plan(format: "json", "tap=-") }
        #expect(throws: UsageError.self) { try plan("junit=r.xml", "tap=r.xml") }
        #expect(throws: UsageError.self) { try plan("junit=") }
    }
}
