/// One RESP2 value as Redis sends it.
enum RedisReply: Equatable, Sendable {
    /// `+OK`, `+PONG`.
    case simpleString(String)
    /// `-ERR …`, `-NOAUTH …`: the text after the dash, starting with the error code.
    case error(String)
    /// `:42`.
    case integer(Int64)
    /// `$5\r\nhello`; nil for the null bulk string `$-1`.
    case bulkString([UInt8]?)
    /// `*2\r\n…`; nil for the null array `*-1`.
    case array([RedisReply]?)

    /// A short rendering for messages (`+PONG`, `-ERR unknown command`, `$5`, `*2`); bulk
    /// contents are left out because they can be anything, secrets included.
    var summary: String {
        switch self {
        case .simpleString(let text): "+" + String(text.prefix(60))
        case .error(let text): "-" + String(text.prefix(120))
        case .integer(let value): ":\(value)"
        case .bulkString(let bytes): bytes.map { "bulk string of \($0.count) bytes" } ?? "null"
        case .array(let items): items.map { "array of \($0.count) items" } ?? "null"
        }
    }

    /// A command as RESP sends it: an array of bulk strings, so that any byte (spaces in a
    /// password, say) needs no quoting.
    static func encodeCommand(_ arguments: [String]) -> [UInt8] {
        var bytes = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            let utf8 = Array(argument.utf8)
            bytes += Array("$\(utf8.count)\r\n".utf8)
            bytes += utf8
            bytes += [13, 10]
        }
        return bytes
    }
}
