/// One message from a PostgreSQL server: a type byte, then an `Int32` length that counts
/// itself but not the type, then the body.
struct PostgresBackendMessage {
    /// `R` (authentication), `E` (error), `S` (parameter status), `Z` (ready for query) …
    let type: UInt8
    /// The bytes after the length.
    let body: [UInt8]

    /// The longest message a handshake can bring: real ones (an error with its detail and
    /// hint, the SASL mechanism list) stay far below; a length beyond is not PostgreSQL.
    static let maxLength = 1 << 20

    /// Reads one whole message.
    static func read(from socket: AsyncSocket, deadline: SocketDeadline) async throws(PostgresProbeFailure) -> PostgresBackendMessage {
        let type = try await receive(1, from: socket, deadline: deadline)[0]
        return try await read(type: type, from: socket, deadline: deadline)
    }

    /// Reads the rest of a message whose type byte has already been read.
    static func read(
        type: UInt8, from socket: AsyncSocket, deadline: SocketDeadline
    ) async throws(PostgresProbeFailure) -> PostgresBackendMessage {
        let length = Int(int32(try await receive(4, from: socket, deadline: deadline), at: 0) ?? 0)
        guard (4...maxLength).contains(length) else {
            throw .notPostgres("it sent a malformed message (length \(length))")
        }
        return PostgresBackendMessage(type: type, body: try await receive(length - 4, from: socket, deadline: deadline))
    }

    private static func receive(
        _ count: Int, from socket: AsyncSocket, deadline: SocketDeadline
    ) async throws(PostgresProbeFailure) -> [UInt8] {
        do throws(SocketError) {
            return try await socket.read(exactly: count, deadline: deadline)
        } catch {
            throw .socket(error)
        }
    }

    /// The big-endian `Int32` at `offset`, nil past the end.
    static func int32(_ bytes: [UInt8], at offset: Int) -> Int32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return Int32(bitPattern: bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    /// The NUL-terminated strings of `bytes` from `offset` on, up to an empty one or the end.
    static func cStrings(_ bytes: [UInt8], from offset: Int = 0) -> [String] {
        guard offset < bytes.count else { return [] }
        return bytes[offset...].split(separator: 0, omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
