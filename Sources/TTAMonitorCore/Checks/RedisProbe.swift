/// The conversation of a `redis` check: connect, `AUTH` when configured, `PING`, `INFO`.
enum RedisProbe {
    /// What the conversation established.
    enum Outcome {
        /// `+PONG`; `responseMs` is connect + PING (the time the latency thresholds judge).
        case pong(responseMs: Double, address: String, info: RedisInfo?)
        /// `-LOADING`: up, but not serving data until the dataset is in memory.
        case loading(info: RedisInfo?)
        /// Anything else, already worded; may quote a Redis error (to be redacted).
        case failed(CheckStatus, String)
    }

    /// Runs the conversation; never throws, every failure becomes an outcome.
    static func run(spec: RedisCheckSpec, deadline: SocketDeadline) async -> Outcome {
        let connectTimer = Stopwatch()
        let connection: RedisConnection
        do throws(SocketError) {
            connection = try await RedisConnection.open(host: spec.host, port: spec.port, deadline: deadline)
        } catch {
            return .failed(.critical, error.description)
        }
        let connectMs = connectTimer.elapsedMilliseconds
        do throws(RedisConnection.Failure) {
            if let password = spec.password {
                let reply = try await connection.send(["AUTH"] + (spec.username.map { [$0] } ?? []) + [password])
                if let verdict = authenticationVerdict(reply) {
                    return verdict
                }
            }
            let pingTimer = Stopwatch()
            let reply = try await connection.send(["PING"])
            let responseMs = connectMs + pingTimer.elapsedMilliseconds
            switch reply {
            case .simpleString("PONG"):
                return .pong(responseMs: responseMs, address: connection.remoteAddress,
                             info: try await info(from: connection))
            case .error(let text) where text.hasPrefix("LOADING"):
                return .loading(info: try await info(from: connection))
            case .error(let text) where text.hasPrefix("NOAUTH"):
                return .failed(.critical, "authentication required")
            default:
                return .failed(.critical, "unexpected reply to PING: \(reply.summary)")
            }
        } catch {
            return .failed(.critical, error.description)
        }
    }

    /// nil to carry on after `AUTH`, or the verdict that ends the check.
    private static func authenticationVerdict(_ reply: RedisReply) -> Outcome? {
        switch reply {
        case .simpleString("OK"):
            return nil
        case .error(let text):
            let lowered = text.lowercased()
            if text.hasPrefix("WRONGPASS") || lowered.contains("invalid password")
                || lowered.contains("invalid username-password") {
                return .failed(.critical, "authentication failed")
            }
            // A password configured for a server that has none is harmless: PING decides.
            if lowered.contains("without any password configured") || lowered.contains("no password is set") {
                return nil
            }
            if text.hasPrefix("LOADING") { return .loading(info: nil) }
            return .failed(.critical, "AUTH failed: -\(text)")
        default:
            return .failed(.critical, "unexpected reply to AUTH: \(reply.summary)")
        }
    }

    /// Plain `INFO` (the default sections): `INFO server clients …` with several sections
    /// needs Redis 7, and TTA may run older servers. A refused INFO (renamed or disabled by
    /// ACL) leaves the details empty rather than failing a server that answers PING.
    private static func info(from connection: RedisConnection) async throws(RedisConnection.Failure) -> RedisInfo? {
        guard case .bulkString(let bytes?) = try await connection.send(["INFO"]) else { return nil }
        return RedisInfo(parsing: String(decoding: bytes, as: UTF8.self))
    }
}
