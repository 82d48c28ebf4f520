/// The spellings a secret takes on its way to a service, each of which a receiver may echo
/// back: base64 of `user:password` in `Authorization: Basic`, percent-encoding in a URL,
/// JSON escaping in an error body. The redactor masks them all, not only the literal value.
public enum SecretVariants {
    /// `secret` as written, percent-decoded, percent-encoded and JSON-escaped (duplicates
    /// removed).
    public static func forms(of secret: String) -> [String] {
        unique([secret, URLParts.percentDecoded(secret), percentEncoded(secret),
                jsonEscaped(secret, slash: false), jsonEscaped(secret, slash: true)])
    }

    /// The credentials of HTTP basic authentication: the password's forms, and base64 of
    /// `user:password` with and without its `=` padding.
    public static func basicCredentialForms(user: String, password: String) -> [String] {
        let encoded = base64(Array("\(user):\(password)".utf8))
        var unpadded = encoded
        while unpadded.hasSuffix("=") { unpadded.removeLast() }
        return unique(forms(of: password) + [encoded, unpadded])
    }

    /// Every form of the credentials in `url`'s userinfo: a password with its basic-auth
    /// encodings (libcurl sends URL credentials that way), or a lone user name that carries a
    /// token: always for Redis (`redis://PASSWORD@host` is how redis-cli reads it), elsewhere
    /// when it is too long to be a login name (`https://TOKEN@host`).
    public static func urlCredentialForms(_ url: String) -> [String] {
        guard let parts = URLParts.parse(url), parts.hasUserInfo else { return [] }
        if let credentials = parts.decodedCredentials {
            guard let password = parts.password, !password.isEmpty else { return [] }
            return unique(forms(of: password) + basicCredentialForms(user: credentials.user, password: credentials.password))
        }
        let isRedis = parts.scheme.lowercased().hasPrefix("redis")
        guard let user = parts.user, isRedis || user.count >= 16 else { return [] }
        return forms(of: user)
    }

    /// Standard base64 with padding (RFC 4648 §4).
    public static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(position)) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every byte outside RFC 3986's unreserved set as `%XX`, as a client encodes userinfo.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `"` and `\` escaped as a JSON encoder writes them (some escape `/` too).
    static func jsonEscaped(_ text: String, slash: Bool) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "\\" || $0 == "/" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where slash: out += "\\/"
            default: out.append(character)
            }
        }
        return out
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
