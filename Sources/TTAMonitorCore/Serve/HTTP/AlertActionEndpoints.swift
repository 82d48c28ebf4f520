/// The write actions: `POST /api/v1/alerts/ID/ack`, `POST /api/v1/silences`,
/// `DELETE /api/v1/silences/ID` — the same store calls as `alerts ack`, `alerts silence`
/// and `alerts unsilence`, answering their `--json` bodies. The router has already
/// checked the token.
enum AlertActionEndpoints {
    /// Who the alert tables record as acting.
    static let actor = "api"

    static func acknowledge(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters([])
        let id = try identifier(request.captures[0], what: "alert")
        let config = request.state.configInForce()
        let now = request.now
        let alert = try write(request) { database throws(StoreError) -> AlertRecord? in
            guard var alert = try AlertStore(database: database).alert(id: id) else { return nil }
            guard alert.state != .resolved, alert.ackedAt == nil else { return alert }
            try AlertLifecycle(store: AlertStore(database: database), config: config.alerts, now: now).acknowledge(&alert, by: actor)
            return alert
        }
        guard let alert else { throw .notFound("no alert with id \(id)") }
        return APIResponse.json(.object([("schema_version", .int(1)), ("alert", alert.json(now: now))]))
    }

    /// Body: `{"component": "api", "rule": "…", "for": "2h", "comment": "…"}` — component or
    /// rule (or both), and `for`, as `alerts silence`'s options.
    static func silence(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters([])
        guard let body = String(validating: request.http.body, as: UTF8.self), let document = try? JSONParser.parse(body),
              case .object(let members) = document else {
            throw .badParameter("the body must be a JSON object: {\"component\": …, \"rule\": …, \"for\": \"2h\", \"comment\": …}")
        }
        let known: Set<String> = ["component", "rule", "for", "comment"]
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            throw .badParameter("unknown field '\(PercentDecoding.printable(unknown.0))' (known: comment, component, for, rule)")
        }
        func text(_ name: String) throws(APIError) -> String? {
            guard let value = members.last(where: { $0.0 == name })?.1 else { return nil }
            if case .null = value { return nil }
            guard case .string(let string) = value, !string.isEmpty else { throw .badParameter("'\(name)' must be a non-empty string") }
            return string
        }
        let component = try text("component"), rule = try text("rule"), comment = try text("comment")
        guard component != nil || rule != nil else { throw .badParameter("give 'component' or 'rule': say what to silence") }
        guard let forText = try text("for"), let duration = DurationParser.parse(forText), duration > .zero else {
            throw .badParameter("'for' must be a duration such as 2h: say how long the silence lasts")
        }
        let config = request.state.configInForce()
        if let component, !config.checks.isEmpty, config.check(named: component) == nil {
            throw .badParameter("no check named '\(PercentDecoding.printable(component))' in the configuration")
        }
        if let rule, !config.alerts.rules.contains(where: { $0.name == rule }) {
            throw .badParameter("no alert rule named '\(PercentDecoding.printable(rule))' in the configuration")
        }
        let now = request.now
        let silence = try write(request) { database throws(StoreError) -> SilenceRecord? in
            try AlertStore(database: database).addSilence(component: component, rule: rule, now: now,
                                                          expiresAt: now + duration.milliseconds, comment: comment, createdBy: actor)
        }
        return APIResponse.json(.object([("schema_version", .int(1)), ("silence", silence!.json(now: now))]), status: 201)
    }

    static func unsilence(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters([])
        let id = try identifier(request.captures[0], what: "silence")
        let now = request.now
        let silence = try write(request) { database throws(StoreError) -> SilenceRecord? in
            let store = AlertStore(database: database)
            guard try store.silence(id: id) != nil else { return nil }
            try store.removeSilence(id: id, now: now)
            return try store.silence(id: id)
        }
        guard let silence else { throw .notFound("no silence with id \(id)") }
        return APIResponse.json(.object([("schema_version", .int(1)), ("silence", silence.json(now: now))]))
    }

    static func identifier(_ text: String, what: String) throws(APIError) -> Int64 {
        guard let id = Int64(text), id > 0 else { throw .badParameter("'\(PercentDecoding.printable(text))' is not a \(what) id") }
        return id
    }

    /// Runs `body` in a write transaction on a connection of its own.
    static func write<T>(_ request: ServeRequest, _ body: (Database) throws(StoreError) -> T) throws(APIError) -> T {
        do {
            let config = request.state.configInForce()
            let database = try Database(path: request.state.databasePath, mode: config.storageMode)
            return try database.writeTransaction { () throws(StoreError) in try body(database) }
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be written: \(error.description)")
        }
    }
}
