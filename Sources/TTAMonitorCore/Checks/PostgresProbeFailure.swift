/// Why a `postgres` conversation stopped before the server said anything meaningful.
enum PostgresProbeFailure: Error {
    /// The socket failed (refused, reset, timed out …).
    case socket(SocketError)
    /// What answered does not speak PostgreSQL's protocol; the reason says what it did.
    case notPostgres(String)

    /// The message for a failure during `step` (`SSLRequest`, `startup`).
    func message(during step: String) -> String {
        switch self {
        case .socket(.closedByPeer), .socket(.connectionReset):
            "not a PostgreSQL server: the connection was closed without an answer to \(step)"
        case .socket(let error):
            "\(error) during \(step)"
        case .notPostgres(let reason):
            "not a PostgreSQL server: \(reason)"
        }
    }
}
