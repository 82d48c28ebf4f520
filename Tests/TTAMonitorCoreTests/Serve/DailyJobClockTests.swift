import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TTAMonitorCore

/// Daily jobs on the local clock of New York, whose clock skips 02:00–03:00 on 2026-03-08
/// and shows 01:00–02:00 twice on 2026-11-01.
@Suite(.serialized) struct DailyJobClockTests {
    /// Runs `body` with the process's local time zone set to `zone`, then puts it back.
    func inZone(_ zone: String, _ body: () throws -> Void) rethrows {
        let previous = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        try body()
    }

    static func ms(_ text: String) -> Int64 { Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970 * 1_000) }

    @Test("an ordinary day: today's time when still ahead, else tomorrow's")
    func ordinary() throws {
        try inZone("America/New_York") {
            let time = try #require(DailyTime("03:15"))
            #expect(DailyJobClock.next(time, after: Self.ms("2026-12-05T06:00:00Z")) == Self.ms("2026-12-05T08:15:00Z"))
            #expect(DailyJobClock.next(time, after: Self.ms("2026-12-05T15:00:00Z")) == Self.ms("2026-12-06T08:15:00Z"))
        }
    }

    @Test("a time the clock skips runs once, at the first minute after the gap")
    func springForward() throws {
        try inZone("America/New_York") {
            let time = try #require(DailyTime("02:30"))
            let run = DailyJobClock.next(time, after: Self.ms("2026-03-08T05:00:00Z"))   // 00:00 EST
            #expect(run == Self.ms("2026-03-08T07:00:00Z"))   // 03:00 EDT
            let after = DailyJobClock.next(time, after: run, ranOn: DailyJobClock.localDay(run))
            #expect(after == Self.ms("2026-03-09T06:30:00Z"))   // 02:30 EDT the next day
        }
    }

    @Test("a time the clock shows twice runs once that day")
    func fallBack() throws {
        try inZone("America/New_York") {
            let time = try #require(DailyTime("01:30"))
            let run = DailyJobClock.next(time, after: Self.ms("2026-11-01T04:00:00Z"))   // 00:00 EDT
            #expect([Self.ms("2026-11-01T05:30:00Z"), Self.ms("2026-11-01T06:30:00Z")].contains(run))
            let after = DailyJobClock.next(time, after: run + 60_000, ranOn: DailyJobClock.localDay(run))
            #expect(after == Self.ms("2026-11-02T06:30:00Z"))   // 01:30 EST the next day, not the second 01:30
        }
    }

    @Test("HH:MM only", arguments: ["24:00", "3:5", "03:60", "0315", "-1:00", "03:15:00", ""])
    func badTimes(text: String) {
        #expect(DailyTime(text) == nil)
    }

    @Test("monitoring.schedule loads, and a bad time names its place")
    func config() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.yaml", """
            monitoring:
              schedule: {retention_purge: "03:15"}
              checks:
                - {name: a, type: tcp, host: 127.0.0.1, port: 1}

            """)
        #expect(try ConfigLoader(environment: [:]).load(path: good).schedule.retentionPurge == DailyTime("03:15"))
        let bad = try directory.write("bad.yaml", """
            monitoring:
              schedule:
                retention_purge: "25:00"
              checks:
                - {name: a, type: tcp, host: 127.0.0.1, port: 1}

            """)
        do {
            _ = try ConfigLoader(environment: [:]).load(path: bad)
            Issue.record("25:00 loaded")
        } catch {
            #expect("\(error)".contains("bad.yaml:3:"), "\(error)")
        }
    }
}
