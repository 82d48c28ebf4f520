/// What the serve lock file says about the serve holding it: `key=value` lines.
struct ServeLockHolder: Sendable, Equatable {
    /// The holder's process id.
    var pid: Int32?
    /// When it started (ms since the Unix epoch).
    var startedAt: Int64?
    /// Its HTTP address, or "none" with `--no-http`.
    var listen: String?
    /// Why the last reload failed, while the previous config stays in force.
    var configError: String?

    init(pid: Int32?, startedAt: Int64?, listen: String?, configError: String? = nil) {
        self.pid = pid
        self.startedAt = startedAt
        self.listen = listen
        self.configError = configError
    }

    /// Reads the file's text; unknown or malformed lines are skipped.
    init(text: String) {
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        self.init(pid: fields["pid"].flatMap { Int32($0) }, startedAt: fields["started_ms"].flatMap { Int64($0) },
                  listen: fields["listen"].map(String.init),
                  configError: fields["config_error"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The file's text.
    var text: String {
        // One line per field: a line break inside a value would start a field of its own.
        let error = (configError ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        return "pid=\(pid.map(String.init) ?? "")\nstarted_ms=\(startedAt.map(String.init) ?? "")\nlisten=\(listen ?? "")\n"
            + (error.isEmpty ? "" : "config_error=\(error)\n")
    }

    /// "pid 123, started 2026-12-05T12:00:00Z, listening on 127.0.0.1:9464" for messages.
    var summary: String {
        var parts: [String] = []
        if let pid { parts.append("pid \(pid)") }
        if let startedAt { parts.append("started \(Timestamps.rfc3339(milliseconds: startedAt))") }
        if let listen, !listen.isEmpty { parts.append(listen == "none" ? "no HTTP" : "listening on \(listen)") }
        var text = parts.joined(separator: ", ")
        if let configError { text += "; config error, the previous config stays in force: \(configError)" }
        return text
    }
}

extension ServeLockHolder {
    /// `status --json`'s `serve` member: `{"running": true, "pid", "started_at", "listen"}`.
    var json: JSONValue {
        .object([
            ("running", .bool(true)),
            ("pid", pid.map { .int(Int64($0)) } ?? .null),
            ("started_at", startedAt.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
            ("listen", listen.map { .string($0) } ?? .null),
            ("config_error", configError.map { .string($0) } ?? .null),
        ])
    }
}
