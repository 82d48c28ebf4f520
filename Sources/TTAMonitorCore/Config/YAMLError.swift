/// Why a YAML file was not accepted: invalid YAML, or YAML beyond the supported subset.
public struct YAMLError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, lowercase; features outside the subset start with "unsupported feature:".
    public var message: String
    /// Where the problem is (1-based line and column).
    public var location: SourceLocation
    /// The offending line of the file, for the caret excerpt; nil when the location is past the text.
    public var sourceLine: String?

    /// Creates an error; the parser fills in `sourceLine` before the error leaves it.
    public init(_ message: String, at location: SourceLocation, sourceLine: String? = nil) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// True when the text may well be valid YAML but uses a feature the subset leaves out.
    public var isUnsupportedFeature: Bool { message.hasPrefix("unsupported feature") }

    /// `file:line:column: error: message`, then the line and a caret under the column, as compilers
    /// print it so editors and people find the spot alike.
    public var description: String {
        var text = "\(location): error: \(message)"
        guard let sourceLine else { return text }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        // Copy tabs from the line so the caret lines up however the terminal expands them.
        let caretIndent = String(
            String.UnicodeScalarView(sourceLine.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
        )
        text += "\n   \(number) | \(sourceLine)\n   \(gutter) | \(caretIndent)^"
        return text
    }
}
