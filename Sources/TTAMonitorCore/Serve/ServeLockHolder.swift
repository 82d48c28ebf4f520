/// What the serve lock file says about the serve holding it: `key=value` lines.
struct ServeLockHolder: Sendable, Equatable {
    /// The holder's process id.
    var pid: Int32?
    /// When it started (ms since the Unix epoch).
    var startedAt: Int64?
    /// Its HTTP address, or "none" with `--no-http`.
    var listen: String?

    init(pid: Int32?, startedAt: Int64?, listen: String?) {
        self.pid = pid
        self.startedAt = startedAt
        self.listen = listen
    }

    /// Reads the file's text; unknown or malformed lines are skipped.
    init(text: String) {
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        self.init(pid: fields["pid"].flatMap { Int32($0) }, startedAt: fields["started_ms"].flatMap { Int64($0) },
                  listen: fields["listen"].map(String.init))
    }

    /// The file's text.
    var text: String {
        "pid=\(pid.map(String.init) ?? "")\nstarted_ms=\(startedAt.map(String.init) ?? "")\nlisten=\(listen ?? "")\n"
    }

    /// "pid 123, started 2026-12-05T12:00:00Z, listening on 127.0.0.1:9464" for messages.
    var summary: String {
        var parts: [String] = []
        if let pid { parts.append("pid \(pid)") }
        if let startedAt { parts.append("started \(Timestamps.rfc3339(milliseconds: startedAt))") }
        if let listen, !listen.isEmpty { parts.append(listen == "none" ? "no HTTP" : "listening on \(listen)") }
        return parts.joined(separator: ", ")
    }
}
