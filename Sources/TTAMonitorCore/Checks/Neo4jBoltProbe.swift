/// The Bolt side of a `neo4j` check: connect, handshake, hang up.
enum Neo4jBoltProbe {
    /// What the handshake established.
    enum Outcome {
        /// The server agreed on `version`; `connectMs` + `handshakeMs` is what the latency
        /// thresholds judge.
        case agreed(Neo4jBoltVersion, connectMs: Double, handshakeMs: Double)
        /// Anything else, already worded.
        case failed(CheckStatus, String)
    }

    /// Runs the handshake under `deadline`; never throws, every failure becomes an outcome.
    static func run(host: String, port: Int, deadline: SocketDeadline) async -> Outcome {
        let connectTimer = Stopwatch()
        let socket: AsyncSocket
        do throws(SocketError) {
            socket = try await AsyncSocket.connect(host: host, port: port, deadline: deadline)
        } catch {
            return .failed(.critical, error.description)
        }
        // No GOODBYE: that is a Bolt message, and none may be sent before HELLO. Closing is
        // how the drivers' own connectivity checks end a bare handshake.
        defer { socket.close() }
        let connectMs = connectTimer.elapsedMilliseconds
        let handshakeTimer = Stopwatch()
        let reply: [UInt8]
        do throws(SocketError) {
            try await socket.write(Neo4jBoltHandshake.request, deadline: deadline)
            reply = try await socket.read(exactly: 4, deadline: deadline)
        } catch {
            return .failed(.critical, failureMessage(error))
        }
        let handshakeMs = handshakeTimer.elapsedMilliseconds
        switch Neo4jBoltHandshake.answer(reply) {
        case .agreed(let version):
            return .agreed(version, connectMs: connectMs, handshakeMs: handshakeMs)
        case .noCommonVersion:
            let offered = Neo4jBoltHandshake.proposals.map(\.description).joined(separator: ", ")
            return .failed(.critical, "server agreed on no Bolt version (offered \(offered))")
        case .foreign(let bytes):
            return .failed(.critical, "not a Bolt server: it answered \(Neo4jBoltHandshake.quoted(bytes))")
        }
    }

    /// A Bolt server always answers the handshake, even to refuse every version; a peer that
    /// hangs up instead is something else (or a Bolt server refusing our preamble, which
    /// ours never gives it cause to).
    private static func failureMessage(_ error: SocketError) -> String {
        switch error {
        case .closedByPeer, .connectionReset:
            "not a Bolt server: the connection was closed without an answer to the handshake"
        default:
            "\(error) during the Bolt handshake"
        }
    }
}
