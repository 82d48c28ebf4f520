extension MappingReader {
    /// The error for required `keys` that are absent. When the mapping holds a key that is a
    /// near miss of one of them (`tyep` for `type`), the real mistake is the misspelling, so
    /// that key is reported at its own line with a hint; otherwise `message` at the mapping.
    func missingKeyError(_ keys: [String], _ message: String) -> ConfigError {
        for pair in pairs {
            guard let text = pair.key.scalar?.text, !keys.contains(text), !known.contains(text),
                  let hint = EditDistance.suggestion(for: text, among: keys) else { continue }
            return error("unknown key '\(text)' in '\(path.isEmpty ? "top level" : path)'; did you mean '\(hint)'?", at: pair.key)
        }
        return document.error(message, at: node.location)
    }
}
