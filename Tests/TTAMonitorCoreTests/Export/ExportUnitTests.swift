import Testing
@testable import TTAMonitorCore

/// The pieces of the export that have rules of their own: period parsing, WinAnsi text,
/// wrapping, CSV quoting, percentiles by selection.
@Suite struct ExportUnitTests {
    private let now: Int64 = 1_790_000_000_000

    @Test func periodsAcceptRFC3339DatesAndDurationsAgo() throws {
        let defaults = try ExportPeriod.parse(since: nil, until: nil, now: now).get()
        #expect(defaults == ExportPeriod(since: now - 86_400_000, until: now))
        let week = try ExportPeriod.parse(since: "7d", until: nil, now: now).get()
        #expect(week.since == now - 7 * 86_400_000)
        let dates = try ExportPeriod.parse(since: "2026-11-01", until: "2026-11-23T10:30:00.250+01:00", now: now).get()
        #expect(Timestamps.rfc3339(milliseconds: dates.since) == "2026-11-01T00:00:00.000Z")
        #expect(Timestamps.rfc3339(milliseconds: dates.until) == "2026-11-23T09:30:00.250Z")
        #expect(RFC3339Parser.milliseconds("2024-02-30") == nil)
        #expect(RFC3339Parser.milliseconds("2024-02-29T23:59:59Z") != nil)
        #expect(RFC3339Parser.milliseconds("2026-11-23T10:00:00") == nil, "a time without an offset is ambiguous")
        let untilOnly = try ExportPeriod.parse(since: nil, until: "2026-11-23", now: now).get()
        #expect(untilOnly.until - untilOnly.since == 86_400_000)
        guard case .failure(let error) = ExportPeriod.parse(since: "soon", until: nil, now: now) else { Issue.record("accepted"); return }
        #expect(error.message.contains("'--since <time>'"))
        guard case .failure(let reversed) = ExportPeriod.parse(since: "1h", until: "2h", now: now) else { Issue.record("accepted"); return }
        #expect(reversed.reversed)
    }

    @Test func fastTimestampsMatchTimestamps() {
        for value: Int64 in [0, 1, 999, 951_782_400_000, 1_790_000_000_123, 4_102_444_799_999, -1, -86_400_001] {
            var bytes: [UInt8] = []
            ExportBytes.appendRFC3339(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Timestamps.rfc3339(milliseconds: value))
        }
        var number: [UInt8] = []
        ExportBytes.appendInteger(-1_234_567_890, to: &number)
        #expect(String(decoding: number, as: UTF8.self) == "-1234567890")
    }

    @Test func winAnsiReplacesWhatItCannotShowAndEscapesStringSyntax() {
        #expect(WinAnsiEncoding.encode("a€é🚀日\u{7}") == [97, 0x80, 0xE9, 63, 63, 32])
        #expect(WinAnsiEncoding.encode("👨‍👩‍👧") == [63], "one grapheme, one replacement")
        let literal = String(decoding: WinAnsiEncoding.literal(WinAnsiEncoding.encode("(a) \\ é")), as: UTF8.self)
        #expect(literal == "(\\(a\\) \\\\ \\351)")
    }

    @Test func wrappingFitsTheWidthAndKeepsEveryWord() {
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away"
        let lines = TextWrapper.wrap(text, width: 100, font: .regular, size: 10)
        #expect(lines.count > 1)
        for line in lines { #expect(HelveticaMetrics.width(line, font: .regular, size: 10) <= 100) }
        #expect(lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") == text)
        let long = TextWrapper.wrap(String(repeating: "x", count: 200), width: 50, font: .bold, size: 8)
        #expect(long.allSatisfy { HelveticaMetrics.width($0, font: .bold, size: 8) <= 50 })
        let capped = TextWrapper.wrap(String(repeating: "word ", count: 200), width: 60, font: .regular, size: 8, maxLines: 3)
        #expect(capped.count == 3 && capped[2].last == 0x85)
        // Helvetica's AFM: "Hello" is 722+556+222+222+556 = 2278 / 1000 em.
        #expect(HelveticaMetrics.width(WinAnsiEncoding.encode("Hello"), font: .regular, size: 10) == 22.78)
    }

    @Test func csvQuotesOnlyWhatNeedsIt() throws {
        let sink = ExportSink()
        let formatter = CSVRowFormatter()
        let columns = [ExportColumn("a", .text), ExportColumn("b", .text), ExportColumn("c", .real), ExportColumn("d", .timestamp)]
        formatter.field(.text("plain"), column: columns[0], index: 0, into: sink)
        formatter.field(.text("say \"hi\", twice\nok"), column: columns[1], index: 1, into: sink)
        formatter.field(.real(1.5), column: columns[2], index: 2, into: sink)
        formatter.field(.timestamp(0), column: columns[3], index: 3, into: sink)
        #expect(String(decoding: sink.buffer, as: UTF8.self) == "plain,\"say \"\"hi\"\", twice\nok\",1.5,1970-01-01T00:00:00.000Z")
        sink.buffer.removeAll()
    }

    @Test func selectionGivesTheNearestRankOfTheSortedValues() {
        var generator = Selection.SplitMix(seed: 42)
        for count in [1, 2, 3, 10, 101, 1_000] {
            let values = (0..<count).map { _ in Double(generator.next() % 500) / 4 }
            for percent in [50.0, 95, 99, 100] {
                var copy = values
                #expect(Selection.nearestRank(&copy, percent) == Percentile.nearestRank(values.sorted(), percent))
            }
        }
    }

    @Test func chartBucketsAreNiceAndFew() {
        let day = ChartBuckets(period: ExportPeriod(since: 0, until: 86_400_000))
        #expect(day.length == 600_000 && day.count == 144)
        let month = ChartBuckets(period: ExportPeriod(since: 0, until: 30 * 86_400_000))
        #expect(month.length == 6 * 3_600_000 && month.count == 120)
        #expect(month.index(-1) == nil && month.index(0) == 0 && month.index(30 * 86_400_000 - 1) == 119)
    }

    @Test func pushgatewayGroupURLEncodesTheHost() {
        #expect(PushgatewayClient.groupURL(base: "http://gw:9091/", host: "web-1.example")
                == "http://gw:9091/metrics/job/tta-monitor/instance/web-1.example")
        #expect(PushgatewayClient.pathSegment("a/b c") == "a%2Fb%20c")
    }
}
