/// A parsed config file with its text, so errors can quote the offending line.
public struct ConfigDocument: Sendable {
    /// The path as given.
    public let path: String
    /// The root node, nil for an empty file.
    public let root: YAMLNode?
    private let lines: [Substring]

    /// Parses `text` read from `path`.
    public init(text: String, path: String) throws(ConfigError) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            self.root = try YAMLParser.parse(text, file: path)
        } catch {
            throw ConfigError(error)
        }
    }

    /// An error at `location`, with its source line for the caret excerpt.
    public func error(_ message: String, at location: SourceLocation?) -> ConfigError {
        guard let location, location.line >= 1, location.line <= lines.count else {
            return ConfigError(message, at: location)
        }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        // Secrets written elsewhere in the file (a password on a line of its own, a list
        // item) are recognised only from the parsed tree; the line alone cannot tell.
        let secrets = SecretCollector.collect(root: root, checks: [], environment: [:])
        var error = ConfigError(ExcerptMasker.maskValues(message, secrets: secrets), at: location, sourceLine: line)
        error.knownSecrets = secrets
        return error
    }
}
