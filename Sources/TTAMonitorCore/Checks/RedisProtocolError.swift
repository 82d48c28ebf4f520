/// A byte stream that is not valid RESP: usually the port belongs to something else.
enum RedisProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first byte of a reply is not one of `+ - : $ *`.
    case unexpectedType(UInt8)
    /// A length or integer line that is not a number in range.
    case invalidNumber
    /// A bulk string not followed by CRLF.
    case missingTerminator
    /// Nesting or a single line beyond what any Redis reply needs.
    case tooLarge

    var description: String {
        switch self {
        case .unexpectedType(let byte):
            let shown = (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(String(byte, radix: 16))"
            return "not a redis reply (starts with \(shown))"
        case .invalidNumber: return "malformed redis reply (bad length or integer)"
        case .missingTerminator: return "malformed redis reply (missing CRLF)"
        case .tooLarge: return "redis reply too large"
        }
    }
}
