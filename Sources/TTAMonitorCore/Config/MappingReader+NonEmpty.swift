extension MappingReader {
    /// A string that must say something when given: an empty or blank path, process name or
    /// directory can only make the check fail (or pass) for the wrong reason.
    mutating func nonEmptyString(_ key: String) throws(ConfigError) -> String? {
        guard let value = node(key) else { return nil }
        let text = try string(value, path: keyPath(key))
        guard !text.trimmingWhitespace().isEmpty else { throw error("'\(keyPath(key))' must not be empty", at: value) }
        return text
    }
}
