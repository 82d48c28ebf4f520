import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct FileAgeCheckTests {
    static let hour: Int64 = 3_600_000

    /// A heartbeat file last modified `ageMs` ago (negative: in the future).
    private func heartbeat(in directory: TemporaryDirectory, ageMs: Int64) throws -> String {
        let path = try directory.write("heartbeat", "ok\n")
        let modified = WallClock.nowMilliseconds() - ageMs
        let time = timeval(tv_sec: Int(modified / 1_000), tv_usec: Int(modified % 1_000) * 1_000)
        let times = [time, time]
        guard utimes(path, times) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return path
    }

    private func spec(_ path: String) -> FileAgeCheckSpec {
        FileAgeCheckSpec(path: path, maxAgeMs: Thresholds(warning: Double(2 * Self.hour), critical: Double(26 * Self.hour)))
    }

    @Test(arguments: [
        (Int64(600_000), CheckStatus.ok, "last touched 10m ago (warning after 2h)"),
        (3 * hour, CheckStatus.warning, "last touched 3h ago (warning after 2h)"),
        (30 * hour, CheckStatus.critical, "last touched 30h ago (critical after 26h)"),
        (5 * 24 * hour, CheckStatus.critical, "last touched 5d ago (critical after 26h)"),
    ])
    func ageDecidesTheStatus(ageMs: Int64, expected: CheckStatus, message: String) async throws {
        let directory = try TemporaryDirectory()
        let path = try heartbeat(in: directory, ageMs: ageMs)
        let result = await FileAgeCheck.run(name: "backup", spec: spec(path), timeout: .seconds(10))
        #expect(result.status == expected)
        #expect(result.message == message)
        let age = try #require(result.details["age_ms"]?.number)
        #expect(abs(age - Double(ageMs)) < 5_000)
        #expect(result.details["size_bytes"] == .int(3))
        #expect(result.perfdata.first?.label == "age")
        #expect(result.perfdata.first?.critical == "93600")
    }

    @Test func onlyACriticalAgeIsNamedWhenThatIsAllThereIs() async throws {
        let directory = try TemporaryDirectory()
        let path = try heartbeat(in: directory, ageMs: 3 * Self.hour)
        let spec = FileAgeCheckSpec(path: path, maxAgeMs: Thresholds(critical: Double(26 * Self.hour)))
        let result = await FileAgeCheck.run(name: "backup", spec: spec, timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.message == "last touched 3h ago (critical after 26h)")
    }

    @Test func aMissingFileIsCritical() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("never-written")
        let result = await FileAgeCheck.run(name: "backup", spec: spec(path), timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.message == "heartbeat file \(path) does not exist")

        let underAFile = try directory.write("plain", "x") + "/heartbeat"
        #expect(await FileAgeCheck.run(name: "backup", spec: spec(underAFile), timeout: .seconds(10)).message
            == "heartbeat file \(underAFile) does not exist")
    }

    @Test func aModificationTimeInTheFutureIsAWarning() async throws {
        let directory = try TemporaryDirectory()
        let path = try heartbeat(in: directory, ageMs: -Self.hour)
        let result = await FileAgeCheck.run(name: "backup", spec: spec(path), timeout: .seconds(10))
        #expect(result.status == .warning)
        #expect(result.message.hasPrefix("modification time is in the future ("))
        #expect((result.details["age_ms"]?.number ?? 0) < 0)
    }

    @Test func aSecondOfClockSkewIsNotTheFuture() {
        let result = FileAgeCheck.judge(ageMs: -400, modifiedMs: 0, sizeBytes: 0, name: "b",
                                        spec: spec("/x"), startedAt: 0, latencyMs: 0)
        #expect(result.status == .ok)
        #expect(result.message == "last touched 0s ago (warning after 2h)")
    }
}
