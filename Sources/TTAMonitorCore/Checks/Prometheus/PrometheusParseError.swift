/// Why a page is not Prometheus text: the 1-based line and what was wrong there.
public struct PrometheusParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line the problem is on.
    public var line: Int
    /// A lowercase one-line explanation (`unterminated label value`).
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 12: unterminated label value`.
    public var description: String { "line \(line): \(message)" }
}
