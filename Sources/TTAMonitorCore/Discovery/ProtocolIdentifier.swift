/// What answered on a port, found by speaking to it, never guessed from the port number.
public enum IdentifiedProtocol: Sendable, Equatable {
    /// Answered a RESP `PING` (`+PONG`, or an error such as `-NOAUTH`).
    case redis
    /// Agreed a Bolt version in the handshake.
    case neo4j
    /// Answered a PostgreSQL SSLRequest with `S` or `N`.
    case postgres
    /// Answered `GET /` with an HTTP status line.
    case http(status: Int)
    /// Accepted connections but answered none of the above.
    case tcp

    /// The check kind that monitors it.
    public var kind: String {
        switch self {
        case .redis: RedisCheckSpec.kindName
        case .neo4j: Neo4jCheckSpec.kindName
        case .postgres: PostgresCheckSpec.kindName
        case .http: HTTPCheckSpec.kindName
        case .tcp: TCPCheckSpec.kindName
        }
    }
}

/// Probes listening ports concurrently with short per-protocol exchanges, each on its own
/// connection, and picks the most specific protocol that answered.
public enum ProtocolIdentifier {
    /// Default budget for each exchange.
    public static let defaultTimeout: Duration = .milliseconds(300)

    /// Ports probed at once; each takes up to three descriptors, well under the usual limit of 1024.
    static let portsInFlight = 64

    /// Identifies every `(host, port)`, many at a time.
    public static func identify(_ endpoints: [(host: String, port: Int)], timeout: Duration = defaultTimeout) async -> [IdentifiedProtocol] {
        await withTaskGroup(of: (Int, IdentifiedProtocol).self) { group in
            var results = [IdentifiedProtocol](repeating: .tcp, count: endpoints.count)
            var next = 0
            func startNext() {
                guard next < endpoints.count else { return }
                let index = next, endpoint = endpoints[next]
                next += 1
                group.addTask { (index, await identify(host: endpoint.host, port: endpoint.port, timeout: timeout)) }
            }
            for _ in 0..<portsInFlight { startNext() }
            for await (index, found) in group {
                results[index] = found
                startNext()
            }
            return results
        }
    }

    /// Identifies one port. The binary probes run side by side first; the HTTP GET goes out
    /// only when none of them matched, because Redis logs a "possible security attack" for
    /// every HTTP request it is sent, and some servers answer a GET on a binary port.
    public static func identify(host: String, port: Int, timeout: Duration = defaultTimeout) async -> IdentifiedProtocol {
        async let bolt = exchange(host: host, port: port, send: Neo4jBoltHandshake.request, timeout: timeout)
        async let postgres = exchange(host: host, port: port, send: PostgresFrontendMessage.sslRequest, timeout: timeout)
        async let redis = exchange(host: host, port: port, send: Array("*1\r\n$4\r\nPING\r\n".utf8), timeout: timeout)
        let answers = await (bolt: bolt, postgres: postgres, redis: redis)
        if isBolt(answers.bolt) { return .neo4j }
        if isPostgres(answers.postgres) { return .postgres }
        if isRedis(answers.redis) { return .redis }
        let hostHeader = host.contains(":") ? "[\(host)]" : host
        let http = await exchange(host: host, port: port,
                                  send: Array("GET / HTTP/1.0\r\nHost: \(hostHeader)\r\nUser-Agent: tta-monitor-discover\r\n\r\n".utf8),
                                  timeout: timeout)
        if let status = httpStatus(http) { return .http(status: status) }
        return .tcp
    }

    /// A Bolt server answers exactly four bytes: `00 00 minor major`, or zeros for "none".
    static func isBolt(_ bytes: [UInt8]) -> Bool {
        bytes.count == 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[3] <= 9
    }

    /// PostgreSQL answers an SSLRequest with one byte and waits.
    static func isPostgres(_ bytes: [UInt8]) -> Bool {
        bytes == [UInt8(ascii: "S")] || bytes == [UInt8(ascii: "N")]
    }

    /// `+PONG`, or a RESP error line such as `-NOAUTH Authentication required.`.
    static func isRedis(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(64), as: UTF8.self)
        return text.hasPrefix("+PONG\r\n") || (text.hasPrefix("-") && text.contains("\r\n")
            && ["-NOAUTH", "-ERR", "-DENIED", "-WRONGPASS", "-LOADING", "-MASTERDOWN"].contains { text.hasPrefix($0) })
    }

    /// The status of `HTTP/1.x NNN ...`.
    static func httpStatus(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes.prefix(32), as: UTF8.self)
        guard text.hasPrefix("HTTP/") else { return nil }
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1].prefix(3)), (100...599).contains(status) else { return nil }
        return status
    }

    /// Connects, sends `bytes`, and returns what arrived before the deadline or the peer
    /// closed (empty when nothing did).
    static func exchange(host: String, port: Int, send bytes: [UInt8], timeout: Duration) async -> [UInt8] {
        let deadline = SocketDeadline(after: timeout)
        do throws(SocketError) {
            let socket = try await AsyncSocket.connect(host: host, port: port, deadline: deadline)
            defer { socket.close() }
            try await socket.write(bytes, deadline: deadline)
            var received: [UInt8] = []
            while received.count < 64 {
                do throws(SocketError) {
                    let chunk = try await socket.read(maxBytes: 64, deadline: deadline)
                    if chunk.isEmpty { break }
                    received += chunk
                    // A one-byte PostgreSQL answer or a four-byte Bolt answer is complete.
                    if received.count <= 4 && bytes == PostgresFrontendMessage.sslRequest { break }
                    if received.count == 4 && bytes.starts(with: Neo4jBoltHandshake.magic) { break }
                    if received.contains(UInt8(ascii: "\n")) { break }
                } catch {
                    break
                }
            }
            return received
        } catch {
            return []
        }
    }
}
