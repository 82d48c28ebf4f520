/// The conversation of a `postgres` check: `SSLRequest`, then (when the server declines SSL)
/// a `StartupMessage` on the same connection, up to the first authentication request — or,
/// when no password is asked, through to `ReadyForQuery` and a polite `Terminate`.
///
/// TLS is never negotiated: that needs a TLS library on raw sockets, which this package does
/// not link. When the server answers `S`, the check notes that SSL is available and starts
/// up again on a second, plain connection, so missing databases and refusals are still seen;
/// a server whose pg_hba.conf demands encryption refuses that with 28000 "no encryption",
/// which counts as up ("SSL required").
enum PostgresProbe {
    /// What the conversation established.
    enum Outcome {
        /// The server answered; `handshake` says how far it went.
        case answered(PostgresHandshake)
        /// Anything else, already worded.
        case failed(CheckStatus, String)
    }

    /// Runs the conversation under `deadline`; never throws, every failure becomes an outcome.
    static func run(spec: PostgresCheckSpec, deadline: SocketDeadline) async -> Outcome {
        let connectTimer = Stopwatch()
        let socket: AsyncSocket
        do throws(SocketError) {
            socket = try await AsyncSocket.connect(host: spec.host, port: spec.port, deadline: deadline)
        } catch {
            return .failed(.critical, error.description)
        }
        defer { socket.close() }
        var handshake = PostgresHandshake(connectMs: connectTimer.elapsedMilliseconds)
        let handshakeTimer = Stopwatch()
        do throws(PostgresProbeFailure) {
            switch try await askForSSL(socket, deadline: deadline) {
            case .accepted:
                handshake.sslAvailable = true
            case .declined:
                handshake.sslAvailable = false
            case .refused(let error):
                handshake.error = error
            }
        } catch {
            return .failed(.critical, error.message(during: "SSLRequest"))
        }
        if handshake.sslAvailable == false {
            do throws(PostgresProbeFailure) {
                try await startUp(socket, spec: spec, deadline: deadline, into: &handshake)
            } catch {
                return .failed(.critical, error.message(during: "startup"))
            }
        } else if handshake.sslAvailable == true {
            // Debian and most distributions ship with ssl=on, so stopping at 'S' would never
            // see a missing database or a server that is starting up. A second connection
            // starts up in plain text; a pg_hba.conf that demands encryption refuses it
            // with 28000 "no encryption", which still proves a working server.
            socket.close()
            do throws(PostgresProbeFailure) {
                let plain: AsyncSocket
                do throws(SocketError) {
                    plain = try await AsyncSocket.connect(host: spec.host, port: spec.port, deadline: deadline)
                } catch {
                    throw .socket(error)
                }
                defer { plain.close() }
                try await startUp(plain, spec: spec, deadline: deadline, into: &handshake)
                if let error = handshake.error, error.sqlstate == "28000", error.message.contains("no encryption") {
                    handshake.error = nil
                    handshake.authMethod = "SSL required"
                }
            } catch {
                return .failed(.critical, error.message(during: "startup"))
            }
        }
        handshake.handshakeMs = handshakeTimer.elapsedMilliseconds
        return .answered(handshake)
    }

    private enum SSLAnswer {
        case accepted, declined, refused(PostgresServerError)
    }

    /// `S` or `N`. An `ErrorResponse` is possible too (a postmaster that could not start a
    /// backend for us); anything else is not PostgreSQL.
    private static func askForSSL(_ socket: AsyncSocket, deadline: SocketDeadline) async throws(PostgresProbeFailure) -> SSLAnswer {
        let answer: [UInt8]
        do throws(SocketError) {
            try await socket.write(PostgresFrontendMessage.sslRequest, deadline: deadline)
            answer = try await socket.read(exactly: 1, deadline: deadline)
        } catch {
            throw .socket(error)
        }
        switch answer[0] {
        case UInt8(ascii: "S"):
            return .accepted
        case UInt8(ascii: "N"):
            return .declined
        case UInt8(ascii: "E"):
            let message = try await PostgresBackendMessage.read(type: answer[0], from: socket, deadline: deadline)
            return .refused(PostgresServerError(body: message.body))
        default:
            throw .notPostgres("it answered \(quoted(answer[0])) to SSLRequest")
        }
    }

    /// Sends the startup message and reads until the server asks for a password, refuses,
    /// or is ready for queries.
    private static func startUp(
        _ socket: AsyncSocket, spec: PostgresCheckSpec, deadline: SocketDeadline, into handshake: inout PostgresHandshake
    ) async throws(PostgresProbeFailure) {
        // The name shows in pg_stat_activity and the server log, so an admin can tell these
        // connections apart.
        var parameters = [("user", spec.user)]
        if let database = spec.database { parameters.append(("database", database)) }
        parameters.append(("application_name", "tta-monitor"))
        do throws(SocketError) {
            try await socket.write(PostgresFrontendMessage.startup(parameters), deadline: deadline)
        } catch {
            throw .socket(error)
        }
        var authenticated = false
        while true {
            let message = try await PostgresBackendMessage.read(from: socket, deadline: deadline)
            switch message.type {
            case UInt8(ascii: "R"):
                guard let code = PostgresBackendMessage.int32(message.body, at: 0), !authenticated else {
                    throw .notPostgres("malformed authentication request")
                }
                handshake.authMethod = PostgresAuthentication.method(code: code, body: message.body)
                // A password would be needed to go on; hanging up now is what psql does
                // while it prompts for one, and the server does not log it as an error.
                guard code == PostgresAuthentication.ok else { return }
                authenticated = true
            case UInt8(ascii: "E"):
                handshake.error = PostgresServerError(body: message.body)
                return
            case UInt8(ascii: "S") where authenticated:
                let pair = PostgresBackendMessage.cStrings(message.body)
                if pair.count == 2, pair[0] == "server_version" { handshake.serverVersion = pair[1] }
            case UInt8(ascii: "Z") where authenticated:
                // Best effort: the verdict is already known, and the server copes with a
                // connection that simply closes.
                try? await socket.write(PostgresFrontendMessage.terminate, deadline: deadline)
                return
            case UInt8(ascii: "K"), UInt8(ascii: "N"), UInt8(ascii: "v"):
                // Cancellation key, a notice, or a protocol-version negotiation: nothing to
                // judge, read on.
                continue
            default:
                throw .notPostgres("it sent message type \(quoted(message.type)) during startup")
            }
        }
    }

    /// `'N'` for a printable byte, else `0x48`.
    static func quoted(_ byte: UInt8) -> String {
        if (0x21...0x7E).contains(byte) { return "'\(Character(Unicode.Scalar(byte)))'" }
        let digits: [Character] = Array("0123456789abcdef")
        return "0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
