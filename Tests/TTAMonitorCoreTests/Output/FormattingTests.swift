import Testing
@testable import TTAMonitorCore

@Suite struct FormattingTests {
    @Test func rfc3339IsUTCWithMilliseconds() {
        #expect(Timestamps.rfc3339(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamps.rfc3339(milliseconds: 1_795_430_040_123) == "2026-11-23T10:34:00.123Z")
        #expect(Timestamps.rfc3339(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
    }

    @Test func agesAndLatencies() {
        #expect(Timestamps.age(milliseconds: 45_000) == "45s")
        #expect(Timestamps.age(milliseconds: 720_000) == "12m")
        #expect(Timestamps.age(milliseconds: 3 * 3_600_000) == "3h")
        #expect(Timestamps.age(milliseconds: 5 * 86_400_000) == "5d")
        #expect(Timestamps.latency(0.44) == "0.4 ms")
        #expect(Timestamps.latency(12.4) == "12 ms")
        #expect(Timestamps.latency(1_260) == "1.3 s")
        #expect(Timestamps.latency(nil) == "-")
        #expect(Timestamps.formatFixed(-0.04, digits: 1) == "0.0")
        #expect(Timestamps.formatFixed(99.995, digits: 2) == "100.00")
    }

    @Test func tableAlignsIgnoringColourCodes() {
        let style = TerminalStyle(isTerminal: true, environment: [:], noColorFlag: false)
        var table = TextTable(headers: ["NAME", "STATUS", "MS"], alignments: [.left, .left, .right])
        table.add(["redis", style.status(.ok), "1"])
        table.add(["player-api", style.status(.critical), "120"])
        let plain = table.render().replacingOccurrences(of: "\u{1B}[32m", with: "")
            .replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(plain == """
            NAME        STATUS     MS
            redis       OK          1
            player-api  CRITICAL  120

            """)
    }

    @Test func colourFollowsNoColorAndTerm() {
        #expect(TerminalStyle(isTerminal: true, environment: [:], noColorFlag: false).colors)
        #expect(!TerminalStyle(isTerminal: false, environment: [:], noColorFlag: false).colors)
        #expect(!TerminalStyle(isTerminal: true, environment: ["NO_COLOR": "1"], noColorFlag: false).colors)
        #expect(!TerminalStyle(isTerminal: true, environment: ["TERM": "dumb"], noColorFlag: false).colors)
        #expect(!TerminalStyle(isTerminal: true, environment: [:], noColorFlag: true).colors)
    }

    @Test func byteCounts() {
        #expect(ByteCount.human(512) == "512B")
        #expect(ByteCount.human(1_536) == "1.5K")
        #expect(ByteCount.human(21_474_836_480) == "20.0G")
    }
}
