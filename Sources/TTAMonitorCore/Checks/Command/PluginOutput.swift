/// A monitoring plugin's output split the way Nagios reads it:
///
/// ```
/// TEXT OUTPUT | PERFDATA
/// LONG OUTPUT LINE 1
/// LONG OUTPUT LINE 2 | PERFDATA
/// PERFDATA
/// ```
/// The first line is the message; lines after it are long output until one holds a `|`,
/// after which everything is performance data.
public struct PluginOutput: Sendable, Equatable {
    /// Characters of the first line kept for the message.
    public static let messageLimit = 300
    /// Characters of long output kept.
    public static let longOutputLimit = 4_096

    /// The first line, before any `|`, trimmed and cut to `messageLimit` characters.
    public var message: String
    /// The lines after the first, before the performance data, cut to `longOutputLimit`.
    public var longOutput: String
    /// Every parseable performance-data item, from the first line and the long output.
    public var perfdata: [PerfdataItem]

    /// Splits `text`.
    public init(parsing text: String) {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let first = lines.isEmpty ? "" : lines.removeFirst()
        var perfText = ""
        var messagePart = first
        if let bar = first.firstIndex(of: "|") {
            messagePart = first[..<bar]
            perfText = String(first[first.index(after: bar)...])
        }
        var longLines: [Substring] = []
        var inPerfdata = false
        for line in lines {
            if inPerfdata {
                perfText += " " + line
            } else if let bar = line.firstIndex(of: "|") {
                longLines.append(line[..<bar])
                perfText += " " + line[line.index(after: bar)...]
                inPerfdata = true
            } else {
                longLines.append(line)
            }
        }
        while let last = longLines.last, last.allSatisfy(\.isWhitespace) { longLines.removeLast() }
        message = Self.cut(String(messagePart).trimmingWhitespace(), to: Self.messageLimit)
        longOutput = Self.cut(longLines.joined(separator: "\n"), to: Self.longOutputLimit)
        perfdata = PerfdataParser.parse(perfText)
    }

    /// `text`, or its first `limit − 1` characters and `…`.
    static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
