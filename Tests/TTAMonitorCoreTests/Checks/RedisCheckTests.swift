import Foundation
import Testing
@testable import TTAMonitorCore

/// The `redis` check against a real `redis-server` (see `RedisServerProcess`).
@Suite struct RedisCheckTests {
    @Test func aHealthyServerIsOKWithDetailsInOrder() async throws {
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        let result = await RedisCheck.run(
            name: "redis", spec: RedisCheckSpec(host: redis.host, port: redis.port), timeout: .seconds(3))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.kind == "redis")
        #expect(result.message.hasPrefix("PONG in "))
        #expect(result.message.contains(" used, "))
        #expect(result.message.hasSuffix(" client") || result.message.hasSuffix(" clients"))
        guard case .object(let members) = result.details else {
            Issue.record("details is not an object")
            return
        }
        #expect(members.map(\.0) == [
            "redis_version", "role", "connected_clients", "blocked_clients", "used_memory_bytes",
            "used_memory_human", "maxmemory_bytes", "mem_fragmentation_ratio", "uptime_seconds",
            "rdb_last_bgsave_status", "ping_ms",
        ])
        #expect(result.details["role"] == .string("master"))
        #expect(result.details["redis_version"]?.scalarText?.first?.isNumber == true)
        #expect((result.details["connected_clients"]?.number ?? 0) >= 1)
        #expect((result.details["used_memory_bytes"]?.number ?? 0) > 0)
        #expect(result.details["rdb_last_bgsave_status"] == .string("ok"))
        #expect(result.details["ping_ms"]?.number != nil)
    }

    @Test func aPasswordProtectedServerWithoutPasswordNeedsAuthentication() async throws {
        let password = "pw-\(UUID().uuidString)"
        let redis = try await RedisServerProcess.start(password: password)
        defer { redis.stop() }
        let result = await RedisCheck.run(
            name: "redis", spec: RedisCheckSpec(host: redis.host, port: redis.port), timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message == "authentication required")
    }

    @Test func theRightPasswordIsOKAndNeverShown() async throws {
        let password = "pw-\(UUID().uuidString)"
        let redis = try await RedisServerProcess.start(password: password)
        defer { redis.stop() }
        let spec = try RedisCheckSpec(url: redis.url)
        #expect(spec.password == password)
        let result = await RedisCheck.run(name: "redis", spec: spec, timeout: .seconds(3))
        #expect(result.status == .ok, "\(result.message)")
        #expect(!result.message.contains(password))
        #expect(!JSONWriter.render(result.details).contains(password))
    }

    @Test func aWrongPasswordFailsWithoutEchoingIt() async throws {
        let redis = try await RedisServerProcess.start(password: "the-real-one")
        defer { redis.stop() }
        var spec = RedisCheckSpec(host: redis.host, port: redis.port)
        spec.password = "wrong-\(UUID().uuidString)"
        let result = await RedisCheck.run(name: "redis", spec: spec, timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message == "authentication failed")
        #expect(!JSONWriter.render(result.details).contains(spec.password!))
    }

    @Test func memoryAboveThresholdOfMaxmemoryWarns() async throws {
        let redis = try await RedisServerProcess.start(arguments: ["--maxmemory", "64mb"])
        defer { redis.stop() }
        var spec = RedisCheckSpec(host: redis.host, port: redis.port)
        spec.memoryPercent = Thresholds(warning: 0.01, critical: 99)
        let result = await RedisCheck.run(name: "redis", spec: spec, timeout: .seconds(3))
        #expect(result.status == .warning, "\(result.message)")
        #expect(result.message.contains("% of 64.0M maxmemory (over the 0.01% warning threshold)"))
        #expect(result.details["maxmemory_bytes"] == .int(64 * 1_024 * 1_024))
    }

    @Test func latencyAboveThresholdIsCritical() async throws {
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        var spec = RedisCheckSpec(host: redis.host, port: redis.port)
        spec.latencyMs = Thresholds(warning: 0, critical: 0)
        let result = await RedisCheck.run(name: "redis", spec: spec, timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message.contains("(over the 0 ms critical threshold)"))
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try LoopbackListener.closedPort()
        let result = await RedisCheck.run(
            name: "redis", spec: RedisCheckSpec(host: "127.0.0.1", port: port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
    }

    @Test func aServerThatNeverAnswersTimesOutOnTime() async throws {
        let listener = try LoopbackListener()
        let start = ContinuousClock.now
        let result = await RedisCheck.run(
            name: "redis", spec: RedisCheckSpec(host: "127.0.0.1", port: listener.port), timeout: .milliseconds(300))
        let elapsed = ContinuousClock.now - start
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms during PING")
        #expect(elapsed >= .milliseconds(300))
        // Generous upper bound: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(elapsed < .milliseconds(2_000))
    }

    /// Hung targets wait side by side on the poll thread, not one after another.
    @Test func fiftyHungChecksFinishTogether() async throws {
        let listener = try LoopbackListener()
        let spec = RedisCheckSpec(host: "127.0.0.1", port: listener.port)
        let start = ContinuousClock.now
        let statuses = await withTaskGroup(of: CheckResult.self) { group in
            for index in 0..<50 {
                group.addTask { await RedisCheck.run(name: "redis-\(index)", spec: spec, timeout: .milliseconds(300)) }
            }
            return await group.reduce(into: [CheckStatus]()) { $0.append($1.status) }
        }
        let elapsed = ContinuousClock.now - start
        #expect(statuses.count == 50)
        #expect(statuses.allSatisfy { $0 == .critical })
        #expect(elapsed < .seconds(2), "50 × 300 ms checks took \(elapsed)")
    }
}
