/// The JUnit XML report of a run, for CI test reports (GitLab, Jenkins, GitHub actions):
/// one `<testsuite name="tta-monitor">`, one `<testcase>` per check.
///
/// CRITICAL is a `<failure type="CRITICAL">` and UNKNOWN an `<error type="UNKNOWN">` (the
/// check could not be evaluated, as a test that could not run). WARNING is a
/// `<failure type="WARNING">` when it fails the run (the default `--fail-on warning`) and a
/// passing test case under `--fail-on critical`, so the report agrees with the exit status;
/// its message stays visible in `<system-out>`. Every test case's `<system-out>` holds
/// `STATUS: message` and then the check's details as one line of JSON.
public enum JUnitFormatter {
    /// Renders `report` as a UTF-8 XML document.
    public static func render(_ report: CheckRunReport) -> String {
        let failures = report.results.filter { $0.status != .unknown && report.fails($0.status) }.count
        let counts = "tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"\(report.count(.unknown))\""
            + " skipped=\"0\" time=\"\(seconds(report.durationMs, digits: 3))\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"tta-monitor\" \(counts)>\n"
        xml += "  <testsuite name=\"tta-monitor\" \(counts)"
            + " timestamp=\"\(Timestamps.rfc3339(milliseconds: report.startedAt))\">\n"
        xml += "    <properties>\n"
        var properties = [("verdict", report.verdict.description), ("fail_on", report.failOn == .critical ? "critical" : "warning")]
        if let runID = report.runID { properties.append(("run_id", String(runID))) }
        for (name, value) in properties {
            xml += "      <property name=\"\(name)\" value=\"\(XMLText.escaped(value, attribute: true))\"/>\n"
        }
        xml += "    </properties>\n"
        for result in report.results { xml += testCase(result, in: report) }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func testCase(_ result: CheckResult, in report: CheckRunReport) -> String {
        let time = seconds(result.latencyMs ?? 0, digits: 6)
        var xml = "    <testcase classname=\"\(XMLText.escaped("tta-monitor.\(result.kind)", attribute: true))\""
            + " name=\"\(XMLText.escaped(result.check, attribute: true))\" time=\"\(time)\">\n"
        let message = XMLText.escaped(result.message, attribute: true)
        let body = XMLText.escaped("\(result.status): \(result.message)")
        if result.status == .unknown {
            xml += "      <error message=\"\(message)\" type=\"UNKNOWN\">\(body)</error>\n"
        } else if report.fails(result.status) {
            xml += "      <failure message=\"\(message)\" type=\"\(result.status)\">\(body)</failure>\n"
        }
        let out = "\(result.status): \(result.message)\n\(JSONWriter.render(result.details, pretty: false))"
        xml += "      <system-out>\(XMLText.escaped(out))</system-out>\n"
        xml += "    </testcase>\n"
        return xml
    }

    private static func seconds(_ milliseconds: Double, digits: Int) -> String {
        guard milliseconds.isFinite, milliseconds > 0 else { return "0" }
        return PlainNumber.text(milliseconds / 1_000, maximumFractionDigits: digits)
    }
}
