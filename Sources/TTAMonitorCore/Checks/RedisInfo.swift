/// The `key:value` fields of an `INFO` reply, from the sections a health check reads.
struct RedisInfo: Sendable, Equatable {
    /// Sections kept; the rest (stats, cpu, keyspace, modules …) is ignored.
    static let sections: Set<String> = ["server", "clients", "memory", "persistence", "replication"]

    private var fields: [String: String] = [:]

    /// Parses INFO's text: `# Section` headers, `key:value` lines, CRLF or LF endings.
    init(parsing text: String) {
        var keep = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") {
                keep = Self.sections.contains(line.dropFirst().trimmingWhitespace().lowercased())
            } else if keep, let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
    }

    /// The raw value of `key`.
    subscript(key: String) -> String? { fields[key] }

    /// The value of `key` as an integer.
    func integer(_ key: String) -> Int64? { fields[key].flatMap { Int64($0) } }

    /// The value of `key` as a number.
    func number(_ key: String) -> Double? { fields[key].flatMap { Double($0) } }
}
