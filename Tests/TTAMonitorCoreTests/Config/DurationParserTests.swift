import Testing
@testable import TTAMonitorCore

@Suite struct DurationParserTests {
    @Test(arguments: [
        ("500ms", 500), ("30s", 30_000), ("5m", 300_000), ("4h", 14_400_000), ("7d", 604_800_000),
        ("2w", 1_209_600_000), ("1h30m", 5_400_000), ("1.5s", 1_500), (" 10s ", 10_000),
    ] as [(String, Int64)])
    func parses(_ text: String, _ milliseconds: Int64) {
        #expect(DurationParser.parse(text)?.milliseconds == milliseconds)
    }

    @Test(arguments: ["", "5", "fast", "5 s", "s", "-5s", "5sec", "1e3s", "10mss"])
    func rejects(_ text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test func formatsInTheLargestExactUnit() {
        #expect(DurationParser.format(.seconds(3_600)) == "1h")
        #expect(DurationParser.format(.seconds(90)) == "90s")
        #expect(DurationParser.format(.milliseconds(1_500)) == "1500ms")
        #expect(DurationParser.format(.seconds(86_400)) == "1d")
    }
}

@Suite struct EnvironmentInterpolationTests {
    let expander = EnvironmentInterpolation(environment: ["HOST": "db.local", "EMPTY": ""])

    @Test func expandsSetAndDefaulted() throws {
        #expect(try expander.expand("http://${HOST}:7474") == "http://db.local:7474")
        #expect(try expander.expand("${PORT:-8080}") == "8080")
        #expect(try expander.expand("${EMPTY:-fallback}") == "fallback")
        #expect(try expander.expand("${EMPTY}") == "")
        #expect(try expander.expand("cost $$5 and $HOST") == "cost $5 and $HOST")
    }

    @Test func unsetWithoutDefaultIsAnError() {
        #expect(throws: EnvironmentInterpolation.Failure.unset("NOPE")) { try expander.expand("${NOPE}") }
        #expect(throws: EnvironmentInterpolation.Failure.self) { try expander.expand("${HOST") }
        #expect(throws: EnvironmentInterpolation.Failure.self) { try expander.expand("${1BAD}") }
    }
}
