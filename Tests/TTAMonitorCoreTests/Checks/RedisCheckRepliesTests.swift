import Foundation
import Testing
@testable import TTAMonitorCore

/// Replies a real server is hard to provoke into (loading, odd errors, not Redis at all),
/// from a scripted peer that answers each command with a canned RESP reply.
@Suite struct RedisCheckRepliesTests {
    /// Serves one connection: reads whole commands and answers by command name;
    /// unknown commands get `-ERR unknown command`.
    private func scriptedRedis(_ replies: [String: String]) throws -> LoopbackListener {
        let listener = try LoopbackListener()
        listener.serve { fd in
            var reader = RedisReplyReader()
            while true {
                let bytes = PeerIO.read(fd)
                guard !bytes.isEmpty else { return }
                reader.append(bytes)
                while case .array(let items?)? = try? reader.next(),
                      case .bulkString(let name?)? = items.first {
                    PeerIO.write(fd, replies[String(decoding: name, as: UTF8.self)] ?? "-ERR unknown command\r\n")
                }
            }
        }
        return listener
    }

    private func check(_ listener: LoopbackListener, password: String? = nil) async -> CheckResult {
        var spec = RedisCheckSpec(host: "127.0.0.1", port: listener.port)
        spec.password = password
        return await RedisCheck.run(name: "redis", spec: spec, timeout: .seconds(2))
    }

    @Test func aLoadingServerWarnsAndStillReportsInfo() async throws {
        let info = "# Server\r\nredis_version:7.2.4\r\n# Persistence\r\nloading:1\r\n"
        let listener = try scriptedRedis([
            "PING": "-LOADING Redis is loading the dataset in memory\r\n",
            "INFO": "$\(info.utf8.count)\r\n\(info)\r\n",
        ])
        let result = await check(listener)
        #expect(result.status == .warning)
        #expect(result.message == "redis is loading the dataset")
        #expect(result.details["redis_version"] == .string("7.2.4"))
        #expect(result.details["ping_ms"] == .null)
    }

    @Test func aServerWithoutInfoIsStillOK() async throws {
        let listener = try scriptedRedis(["PING": "+PONG\r\n"])
        let result = await check(listener)
        #expect(result.status == .ok)
        #expect(result.message.hasSuffix(" ms, INFO unavailable"))
        #expect(result.details["redis_version"] == .null)
    }

    @Test func anAuthErrorQuotingThePasswordIsRedacted() async throws {
        let listener = try scriptedRedis(["AUTH": "-ERR strange failure for hunter2\r\n"])
        let result = await check(listener, password: "hunter2")
        #expect(result.status == .critical)
        #expect(result.message == "AUTH failed: -ERR strange failure for ***")
    }

    @Test func somethingThatIsNotRedisIsCalledOut() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            PeerIO.write(fd, "HTTP/1.1 400 Bad Request\r\n\r\n")
        }
        let result = await check(listener)
        #expect(result.status == .critical)
        #expect(result.message == "not a redis reply (starts with 'H') in answer to PING")
    }

    @Test func aPeerThatHangsUpIsCritical() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in _ = PeerIO.read(fd) }
        let result = await check(listener)
        #expect(result.status == .critical)
        #expect(result.message == "connection closed by peer during PING")
    }
}
