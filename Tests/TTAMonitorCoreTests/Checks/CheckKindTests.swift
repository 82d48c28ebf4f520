import Testing
@testable import TTAMonitorCore

/// `CheckKind` wraps a spec of any registered kind; equality and the typed view must see
/// through the wrapper, since config comparisons and carbon attribution rely on them.
@Suite struct CheckKindTests {
    @Test func equalityComparesTheSpecsOfOneKind() {
        let tcp = CheckKind(TCPCheckSpec(host: "db", port: 5432))
        #expect(tcp == CheckKind(TCPCheckSpec(host: "db", port: 5432)))
        #expect(tcp != CheckKind(TCPCheckSpec(host: "db", port: 5433)))
        // Same fields, different kinds: a tls check is not a tcp check.
        #expect(tcp != CheckKind(TLSCheckSpec(host: "db", port: 5432)))
    }

    @Test func theTypedViewAnswersOnlyForItsOwnKind() {
        let kind = CheckKind(ProcessCheckSpec(name: "redis-server"))
        #expect(kind.spec(as: ProcessCheckSpec.self)?.name == "redis-server")
        #expect(kind.spec(as: CommandCheckSpec.self) == nil)
        #expect(kind.name == ProcessCheckSpec.kindName)
    }

    @Test func latencyThresholdsComeFromTheKindsThatJudgeLatency() {
        var redis = RedisCheckSpec(host: "localhost", port: 6379)
        redis.latencyMs = Thresholds(warning: 100, critical: 500)
        #expect(CheckKind(redis).latencyThresholds == Thresholds(warning: 100, critical: 500))
        #expect(CheckKind(DiskCheckSpec(path: "/", usedPercent: Thresholds(warning: 80))).latencyThresholds == nil)
    }
}
