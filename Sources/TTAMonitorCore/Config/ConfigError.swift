/// A problem with the configuration: exit status 78, or 66 when the file is missing.
public struct ConfigError: ReportableError {
    /// What is wrong, lowercase, naming the key or value.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?
    /// The offending line of the file, for the caret excerpt.
    public var sourceLine: String?
    /// Literal secrets of the file, masked in the quoted line along with what the line itself
    /// shows to be secret.
    var knownSecrets: [String] = []
    /// True when the file itself does not exist (exit 66 rather than 78).
    public var isMissingFile: Bool = false
    /// Further problems found in other parts of the same file, in file order.
    public var further: [ConfigError] = []

    /// Creates an error at `location`.
    public init(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// Wraps a YAML syntax error.
    public init(_ yaml: YAMLError) {
        self.init(yaml.message, at: yaml.location, sourceLine: yaml.sourceLine)
    }

    /// The file could not be found or read.
    public static func missingFile(_ message: String) -> ConfigError {
        var error = ConfigError(message)
        error.isMissingFile = true
        return error
    }

    /// The quoted line as it may be shown (secrets masked); `sourceLine` is the raw text.
    public var shownSourceLine: String? { sourceLine.map { ExcerptMasker.mask($0, secrets: knownSecrets) } }

    public var exitCode: ExitCode { isMissingFile ? .noInput : .config }

    /// This problem and every further one, each on its own.
    public var all: [ConfigError] { [withoutFurther] + further }

    /// This problem alone.
    var withoutFurther: ConfigError {
        var copy = self
        copy.further = []
        return copy
    }

    /// Every problem, each as `file:line:column: message` with its excerpt, as compilers print them.
    public var description: String {
        ([singleDescription] + further.map(\.singleDescription)).joined(separator: "\n")
    }

    /// `file:line:column: message`, then the line and a caret under the column.
    private var singleDescription: String {
        guard let location else { return message }
        var text = "\(location): \(message)"
        if let sourceLine {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            // The caret is placed on the masked line: what precedes the column is masked on
            // its own, so a shortened value before it does not shift it.
            let prefix = String(String.UnicodeScalarView(sourceLine.unicodeScalars.prefix(max(0, location.column - 1))))
            let maskedPrefix = ExcerptMasker.mask(prefix, secrets: knownSecrets)
            let caretIndent = String(maskedPrefix.unicodeScalars.map { $0 == "\t" ? "\t" : " " })
            text += "\n \(number) | \(shownSourceLine ?? "")\n \(gutter) | \(caretIndent)^"
        }
        return text
    }
}
