/// The JSON document `config validate --json` prints for a file that does not validate.
enum ConfigProblemsReport {
    /// `{"schema_version":1,"file":…,"valid":false,"errors":[{"file","line","column","message"}]}`.
    /// The offending lines are left out: the message and position say enough, and a line can
    /// hold a secret.
    static func json(_ error: ConfigError, file: String?) -> JSONValue {
        let problems: [JSONValue] = error.all.map { problem in
            var members: [(String, JSONValue)] = []
            if let location = problem.location {
                members += [("file", .string(location.file)), ("line", .int(Int64(location.line))),
                            ("column", .int(Int64(location.column)))]
            }
            members.append(("message", .string(problem.message)))
            return .object(members)
        }
        return .object([
            ("schema_version", .int(1)),
            ("file", file.map(JSONValue.string) ?? .null),
            ("valid", .bool(false)),
            ("errors", .array(problems)),
        ])
    }
}
