/// The few messages a `postgres` check sends, encoded as PostgreSQL's frontend/backend
/// protocol 3.0 wants them: big-endian lengths that count themselves, NUL-terminated strings.
enum PostgresFrontendMessage {
    /// Protocol 3.0 (`3 << 16`), spoken by every server since PostgreSQL 7.4.
    static let protocolVersion: Int32 = 196_608

    /// `SSLRequest`: length 8 and the magic code 80877103 (`1234 << 16 | 5679`). Sent before
    /// the startup message; the server answers one byte, `S` or `N`.
    static let sslRequest: [UInt8] = bigEndian(8) + bigEndian(80_877_103)

    /// `Terminate` (`X`), the polite goodbye once a session exists.
    static let terminate: [UInt8] = [UInt8(ascii: "X")] + bigEndian(4)

    /// `StartupMessage` with `parameters` in order (`user` first). NUL bytes inside a name or
    /// value would end it early on the server's side, so they are dropped.
    static func startup(_ parameters: [(String, String)]) -> [UInt8] {
        var body = bigEndian(protocolVersion)
        for (name, value) in parameters {
            body += cString(name) + cString(value)
        }
        body.append(0)
        return bigEndian(Int32(body.count + 4)) + body
    }

    private static func cString(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 != 0 } + [0]
    }

    static func bigEndian(_ value: Int32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
