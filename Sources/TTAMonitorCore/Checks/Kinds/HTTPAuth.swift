/// HTTP authentication for a check. Values are never printed.
public enum HTTPAuth: Sendable, Equatable {
    /// `Authorization: Basic base64(user:password)`.
    case basic(user: String, password: String)
    /// `Authorization: Bearer token`.
    case bearer(token: String)

    /// The `auth` mapping of an `http` check: basic or bearer, never both.
    static func decode(_ reader: inout MappingReader, decoder: CheckConfigDecoder) throws(ConfigError) -> HTTPAuth? {
        guard var auth = try reader.mapping("auth") else { return nil }
        let username = try auth.string("username")
        let password = try auth.string("password")
        let token = try auth.string("token")
        try auth.finish()
        switch (username, password, token) {
        case let (user?, secret?, nil): return .basic(user: user, password: secret)
        case let (nil, nil, bearer?): return .bearer(token: bearer)
        default:
            throw decoder.document.error("'\(auth.path)' takes either 'username' and 'password' (basic) or 'token' (bearer)", at: auth.node.location)
        }
    }
}
