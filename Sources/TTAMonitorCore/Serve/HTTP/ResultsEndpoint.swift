/// `GET /api/v1/checks/NAME/results?since=&until=&limit=&cursor=`: raw results newest first,
/// in `export --report checks --format json`'s row shape, a page at a time. `next_cursor`
/// is null on the last page.
enum ResultsEndpoint {
    static let defaultLimit = 100, maximumLimit = 1_000

    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters(["since", "until", "limit", "cursor"])
        let name = request.captures[0]
        let until = try request.time("until") ?? request.now + 1
        let since = try request.time("since") ?? 0
        guard since < until else { throw .badParameter("'since' must be before 'until'") }
        var limit = defaultLimit
        if let text = request.query["limit"] {
            guard let value = Int(text), (1...maximumLimit).contains(value) else {
                throw .badParameter("'limit' must be a whole number from 1 to \(maximumLimit)")
            }
            limit = value
        }
        var after: ResultPageQuery.Position?
        if let text = request.query["cursor"] {
            guard let position = ResultCursor.decode(text) else { throw .badParameter("'cursor' is not a cursor this API gave out") }
            after = position
        }
        let database = try request.readDatabase()
        let rows: [ResultPageQuery.Row]
        do {
            // One more than asked tells whether another page follows.
            guard let page = try ResultPageQuery(database: database).page(component: name, since: since, until: until,
                                                                           after: after, limit: limit + 1) else {
                throw APIError.notFound("no check named '\(PercentDecoding.printable(name))' has results in this database")
            }
            rows = page
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read")
        }
        let shown = Array(rows.prefix(limit))
        let next: JSONValue = rows.count > limit ? .string(ResultCursor.encode(ResultPageQuery.Position(ts: shown.last!.ts, id: shown.last!.id))) : .null
        return APIResponse.json(.object([
            ("schema_version", .int(1)), ("check", .string(name)),
            ("since", .string(Timestamps.rfc3339(milliseconds: since))), ("until", .string(Timestamps.rfc3339(milliseconds: until))),
            ("limit", .int(Int64(limit))), ("results", .array(shown.map(json))), ("next_cursor", next),
        ]))
    }

    static func json(_ row: ResultPageQuery.Row) -> JSONValue {
        func status(_ value: Int64?) -> JSONValue {
            value.flatMap { CheckStatus(rawValue: Int($0)) }.map { .string($0.description) } ?? .null
        }
        let details: JSONValue = row.details.flatMap { try? JSONParser.parse($0) } ?? .null
        return .object([
            ("check", .string(row.check)), ("kind", .string(row.kind)), ("ts", .string(Timestamps.rfc3339(milliseconds: row.ts))),
            ("status", status(row.status)), ("reported_status", status(row.reportedStatus)),
            ("latency_ms", row.latencyMs.map { .double($0) } ?? .null), ("message", .string(row.message)),
            ("details", details), ("run_id", .int(row.runID)),
        ])
    }
}

/// The opaque page cursor: base64url of `ts:id` with a version prefix, so its form can
/// change without old cursors being misread.
enum ResultCursor {
    static func encode(_ position: ResultPageQuery.Position) -> String {
        Base64URL.encode(Array("r1:\(position.ts):\(position.id)".utf8))
    }

    static func decode(_ text: String) -> ResultPageQuery.Position? {
        guard text.utf8.count <= 64, let bytes = Base64URL.decode(text), let plain = String(validating: bytes, as: UTF8.self) else { return nil }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "r1", let ts = Int64(parts[1]), let id = Int64(parts[2]) else { return nil }
        return ResultPageQuery.Position(ts: ts, id: id)
    }
}

/// Base64 with the URL alphabet and no padding (RFC 4648 §5): safe in a query string.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0...chunk.count { out.append(alphabet[Int(value >> (18 - 6 * UInt32(position)) & 63)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var value: UInt32 = 0, bits = 0
        var out: [UInt8] = []
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            value = value << 6 | UInt32(digit)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: value >> UInt32(bits)))
            }
        }
        return out
    }
}
