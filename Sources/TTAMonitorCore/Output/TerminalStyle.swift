/// Decides whether to colour output, following the NO_COLOR convention (https://no-color.org).
public struct TerminalStyle: Sendable {
    /// Whether ANSI colours are written.
    public let colors: Bool

    /// Colours only on a TTY, with `NO_COLOR` unset, `TERM` not `dumb`, and no `--no-color`.
    public init(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) {
        let noColorSet = !(environment["NO_COLOR"] ?? "").isEmpty
        colors = isTerminal && !noColorFlag && !noColorSet && environment["TERM"] != "dumb"
    }

    /// The status word, coloured when allowed (green, yellow, red, magenta).
    public func status(_ status: CheckStatus) -> String {
        paint(status.description, code: Self.colorCode(status))
    }

    /// Wraps `text` in an SGR colour when colours are on.
    public func paint(_ text: String, code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Dim text for secondary information.
    public func dim(_ text: String) -> String { paint(text, code: "2") }

    /// Bold text for headings.
    public func bold(_ text: String) -> String { paint(text, code: "1") }

    static func colorCode(_ status: CheckStatus) -> String {
        switch status {
        case .ok: "32"
        case .warning: "33"
        case .critical: "31"
        case .unknown: "35"
        }
    }
}
