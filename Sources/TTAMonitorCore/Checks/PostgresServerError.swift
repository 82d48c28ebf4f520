/// An `ErrorResponse` from PostgreSQL, reduced to what a check reports: its fields are
/// `(code byte, NUL-terminated text)` pairs ending in a NUL byte.
struct PostgresServerError: Equatable {
    /// `FATAL`, `ERROR`, `PANIC`; the untranslated `V` field when the server sends it (9.6+),
    /// else `S`, which follows the server's `lc_messages`.
    let severity: String
    /// The SQLSTATE (`3D000`, `57P03`, `53300`, `28000` …).
    let sqlstate: String
    /// The primary message (`database "x" does not exist`).
    let message: String

    /// Parses an `E` message's body.
    init(body: [UInt8]) {
        var fields: [UInt8: String] = [:]
        var index = 0
        while index < body.count, body[index] != 0 {
            let code = body[index]
            let start = index + 1
            let end = body[start...].firstIndex(of: 0) ?? body.count
            fields[code] = String(decoding: body[start..<end], as: UTF8.self)
            index = end + 1
        }
        severity = fields[UInt8(ascii: "V")] ?? fields[UInt8(ascii: "S")] ?? "ERROR"
        sqlstate = fields[UInt8(ascii: "C")] ?? "?????"
        message = fields[UInt8(ascii: "M")] ?? "(no message)"
    }

    /// The status a refusal earns. `57P03` (cannot connect now: starting up, shutting down,
    /// in recovery) is transient, so WARNING; everything else — a missing database, no
    /// `pg_hba.conf` entry, too many connections (`53300`) — needs someone: CRITICAL.
    var status: CheckStatus {
        sqlstate == "57P03" ? .warning : .critical
    }

    /// `FATAL 3D000 database "x" does not exist`, on one line.
    var summary: String {
        let line = message.map { $0.isNewline ? " " : String($0) }.joined()
        return "\(severity) \(sqlstate) \(line)"
    }
}
