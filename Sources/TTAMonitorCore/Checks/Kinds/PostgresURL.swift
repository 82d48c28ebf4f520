/// Splits `postgres://[user@]host[:port][/database]`. A password in the URL is refused by
/// returning nil only for malformed URLs; the check never needs one (it stops at the
/// authentication request).
enum PostgresURL {
    static func parse(_ url: String) -> PostgresCheckSpec? {
        let lowered = url.lowercased()
        let prefix = lowered.hasPrefix("postgres://") ? "postgres://" : lowered.hasPrefix("postgresql://") ? "postgresql://" : nil
        guard let prefix else { return nil }
        var rest = Substring(url.dropFirst(prefix.count))
        var database: String?
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            database = name.isEmpty ? nil : String(name)
            rest = rest[..<slash]
        }
        var user = "postgres"
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            user = String(info.split(separator: ":", maxSplits: 1).first ?? "postgres")
            rest = rest[rest.index(after: at)...]
        }
        let host: String
        var port = 5432
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return nil }; port = number }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let number = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = number
        } else {
            host = String(rest)
        }
        guard !host.isEmpty, (1...65_535).contains(port), !user.isEmpty else { return nil }
        var spec = PostgresCheckSpec(host: host, port: port)
        spec.user = user
        spec.database = database
        return spec
    }
}
