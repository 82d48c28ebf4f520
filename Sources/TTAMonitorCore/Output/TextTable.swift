/// A plain-text table with aligned columns; cells may contain ANSI colour codes, which do
/// not count towards the width. Cells often hold what a target said (a message, an error
/// body, a label), so every control character in them is made visible; only the colour that
/// `TerminalStyle` wraps a whole cell in survives.
public struct TextTable {
    /// Column alignment.
    public enum Alignment { case left, right }

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    /// Creates a table with `headers`; `alignments` defaults to left for every column.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row (missing cells are blank).
    public mutating func add(_ row: [String]) { rows.append(row.map(Self.safeCell)) }

    /// `cell` without control characters, except a `TerminalStyle` colour around all of it.
    static func safeCell(_ cell: String) -> String {
        guard TerminalSafeText.needsNeutralising(cell) else { return cell }
        let reset = "\u{1B}[0m"
        if cell.hasPrefix("\u{1B}["), cell.hasSuffix(reset), let end = cell.firstIndex(of: "m") {
            let parameters = cell[cell.index(cell.startIndex, offsetBy: 2)..<end]
            let innerStart = cell.index(after: end)
            let innerEnd = cell.index(cell.endIndex, offsetBy: -reset.count)
            if innerStart <= innerEnd, !parameters.isEmpty,
               parameters.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) {
                return "\u{1B}[\(parameters)m" + TerminalSafeText.neutralise(String(cell[innerStart..<innerEnd])) + reset
            }
        }
        return TerminalSafeText.neutralise(cell)
    }

    /// The table as lines joined by newlines, with a trailing newline. The last column is not
    /// padded, so long messages do not leave trailing spaces.
    public func render(header: (String) -> String = { $0 }) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.visibleWidth(cell))
            }
        }
        var out = ""
        func line(_ cells: [String], styled: Bool) {
            var parts: [String] = []
            for index in headers.indices {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - Self.visibleWidth(cell)))
                let isLast = index == headers.count - 1
                let shown = styled ? header(cell) : cell
                switch alignments[index] {
                case .left: parts.append(isLast ? shown : shown + padding)
                case .right: parts.append(padding + shown)
                }
            }
            out += parts.joined(separator: "  ") + "\n"
        }
        line(headers, styled: true)
        for row in rows { line(row, styled: false) }
        return out
    }

    /// Display width without ANSI escape sequences.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
