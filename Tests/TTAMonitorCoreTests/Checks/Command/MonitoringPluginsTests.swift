import Foundation
import Testing
@testable import TTAMonitorCore

/// Real monitoring plugins (Debian/Ubuntu package `monitoring-plugins-basic`).
@Suite struct MonitoringPluginsTests {
    static let directory = "/usr/lib/nagios/plugins"

    private func plugin(_ name: String) throws -> String {
        let path = Self.directory + "/" + name
        try #require(FileManager.default.isExecutableFile(atPath: path),
                     "\(path) is missing: install the monitoring-plugins-basic package")
        return path
    }

    @Test func checkDummyWarns() async throws {
        let result = await CommandCheck.run(name: "dummy", spec: CommandCheckSpec(argv: [try plugin("check_dummy"), "1", "hello"]),
                                            timeout: .seconds(5))
        #expect(result.status == .warning)
        #expect(result.message == "hello")
        #expect(result.details["exit_code"] == .int(1))
    }

    @Test func checkLoadReportsPerfdata() async throws {
        let spec = CommandCheckSpec(argv: [try plugin("check_load"), "-w", "500,400,300", "-c", "1000,600,400"])
        let result = await CommandCheck.run(name: "load", spec: spec, timeout: .seconds(5))
        #expect(result.status == .ok)
        #expect(result.message.hasPrefix("LOAD OK - "))
        #expect(result.perfdata.map(\.label) == ["load1", "load5", "load15"])
        #expect(result.perfdata.first?.warning == "500.000")
    }

    @Test func checkDiskThroughAShellString() async throws {
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "\(try plugin("check_disk")) -w 0% -c 0% -p /"])
        let result = await CommandCheck.run(name: "disk", spec: spec, timeout: .seconds(5))
        #expect(result.status == .ok)
        #expect(result.perfdata.first?.label == "/")
        #expect((result.perfdata.first?.value ?? 0) > 0)
    }
}
