/// What a handler gets: the request, the path's captured segments, the decoded query, the
/// state and the time the request is answered at.
struct ServeRequest: Sendable {
    let http: HTTPRequest
    /// Percent-decoded path segments matched by `:` in the route.
    let captures: [String]
    /// Decoded query parameters (the last value of a repeated name wins).
    let query: [String: String]
    let state: any ServeState
    let now: Int64
    /// The /metrics snapshot shared by concurrent scrapes.
    let metrics: MetricsCache

    /// Refuses parameters the endpoint does not know: a typo (`limt=5`) must not be
    /// silently ignored.
    func allowParameters(_ names: Set<String>) throws(APIError) {
        if let unknown = query.keys.sorted().first(where: { !names.contains($0) }) {
            throw .badParameter("unknown parameter '\(PercentDecoding.printable(unknown))' (known: \(names.sorted().joined(separator: ", ")))")
        }
    }

    /// A duration parameter (`24h`, `90s`); nil when absent.
    func duration(_ name: String) throws(APIError) -> Duration? {
        guard let text = query[name] else { return nil }
        guard let value = DurationParser.parse(text), value > .zero else {
            throw .badParameter("'\(name)' must be a duration such as 30s, 15m or 24h")
        }
        return value
    }

    /// A time parameter: RFC 3339, a date, `now` or a duration ago (`7d`), like `export --since`.
    func time(_ name: String) throws(APIError) -> Int64? {
        guard let text = query[name] else { return nil }
        guard let value = ExportPeriod.time(text, now: now) else {
            throw .badParameter("'\(name)' must be an RFC 3339 time, a date (YYYY-MM-DD), 'now' or a duration ago such as 7d")
        }
        return value
    }

    /// Opens the database read-only (each request its own connection: WAL lets readers and
    /// the scheduler's writer go on together).
    func readDatabase() throws(APIError) -> Database {
        do {
            return try Database(path: state.databasePath, readOnly: true)
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be opened: \(error.description)")
        }
    }
}

/// `%XX` decoding for path segments and query parameters.
enum PercentDecoding {
    /// Decoded UTF-8, `+` as a space when `plusIsSpace`; nil for a broken escape or bytes
    /// that are not UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else { return nil }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace: bytes.append(UInt8(ascii: " "))
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The query string as name → value; nil when an escape is broken.
    static func query(_ text: String?) -> [String: String]? {
        var result: [String: String] = [:]
        for pair in (text ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0], plusIsSpace: true),
                  let value = decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else { return nil }
            result[name] = value
        }
        return result
    }

    /// A name fit to quote in an error message: short, control characters made visible.
    static func printable(_ text: String) -> String {
        TerminalSafeText.neutralise(String(text.prefix(64)))
    }
}
