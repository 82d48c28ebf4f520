import Testing
@testable import TTAMonitorCore

@Suite struct ServeScheduleTests {
    @Test("a run that outlasts its ticks skips them and lands on the next tick after now")
    func skipsTicks() {
        let start = ContinuousClock.now
        let interval = Duration.seconds(2)
        let onTime = ServeSchedule.next(after: start, interval: interval, now: start + .milliseconds(300))
        #expect(onTime.tick == start + interval && onTime.skipped == 0)
        let late = ServeSchedule.next(after: start, interval: interval, now: start + .milliseconds(6_500))
        #expect(late.tick == start + .seconds(8) && late.skipped == 3)
    }

    @Test("the first run falls within the interval")
    func jitter() {
        #expect(ServeSchedule.firstDelay(interval: .seconds(10), fraction: 0) == .zero)
        #expect(ServeSchedule.firstDelay(interval: .seconds(10), fraction: 0.5) == .seconds(5))
        #expect(ServeSchedule.firstDelay(interval: .seconds(10), fraction: 1) < .seconds(10))
    }

    @Test("an interval under a second is a config error naming the check's place; none set is a minute")
    func minimum() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tta.yaml", """
            monitoring:
              checks:
                - {name: slow, type: tcp, host: 127.0.0.1, port: 1}
                - {name: fast, type: tcp, host: 127.0.0.1, port: 1, interval: 500ms}

            """)
        let config = try ConfigLoader(environment: [:]).load(path: path)
        #expect(ServeSchedule.interval(for: config.checks[0], config: config) == .seconds(60))
        #expect(throws: ConfigError.self) { try ServeSchedule.validate(config) }
        do { try ServeSchedule.validate(config) } catch { #expect("\(error)".contains("tta.yaml:4:"), "\(error)") }
    }
}
