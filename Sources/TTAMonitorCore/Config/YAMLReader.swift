/// The parser's state: the text as Unicode scalars, a cursor that knows its line and column,
/// and the anchors seen so far. The grammar lives in extensions, one file per construct
/// (block collections, flow collections, plain, quoted and block scalars, node properties).
///
/// It is a recursive-descent reader over the YAML 1.2 productions of the supported subset, not a
/// tokenizer: the subset is small enough that following the spec's rules directly (indentation
/// parameters, line prefixes, folding) is easier to get exactly right than libyaml's token queue.
struct YAMLReader {
    /// A cursor position; copying one is how the reader looks ahead and backtracks.
    struct Mark {
        var index: Int
        var line: Int
        var lineStart: Int
    }

    /// The text, line breaks normalized to `\n`, ending with a NUL sentinel (NUL is rejected in
    /// the input, so it can only mean "end of text").
    let chars: [Unicode.Scalar]
    /// Index of the sentinel.
    let end: Int
    /// The file name for locations.
    let file: String
    /// Whether the text lacked a final line break and the reader supplied one.
    private(set) var addedFinalBreak = false
    var mark = Mark(index: 0, line: 1, lineStart: 0)

    /// Leading spaces of the content line `skipBlankLines()` stopped on.
    var lineIndent = 0
    /// Index of the first tab in that line's leading whitespace, if any.
    var lineTab: Int?

    var anchors = YAMLAnchorTable()
    var depth = 0

    /// Deep enough for any configuration, shallow enough that recursion cannot exhaust a
    /// secondary thread's stack on hostile input.
    static let maximumDepth = 256

    init(text: String, file: String) throws(YAMLError) {
        self.file = file
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count + 1)
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasReturn = true
                continue
            }
            if scalar == "\n", previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = false
            scalars.append(scalar)
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        // A last line without a line break reads as if it had one (the yaml-test-suite's
        // reference behaviour; it matters only to a block scalar's final line).
        if let last = scalars.last, last != "\n" {
            scalars.append("\n")
            addedFinalBreak = true
        }
        end = scalars.count
        scalars.append("\0")
        chars = scalars
        try rejectNonPrintable()
    }

    /// YAML streams may hold only printable characters; a stray control character is far more
    /// likely a corrupt or binary file than something to interpret.
    private func rejectNonPrintable() throws(YAMLError) {
        var line = 1
        var lineStart = 0
        for index in 0..<end {
            let scalar = chars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                continue
            }
            let isLegacyBreak = scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
            if YAMLCharacters.isPrintable(scalar), !isLegacyBreak { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            let location = SourceLocation(file: file, line: line, column: index - lineStart + 1)
            if isLegacyBreak {
                // YAML 1.1 parsers (libyaml, PyYAML) break lines there and YAML 1.2 does not, so
                // the file would mean different things to different tools.
                throw YAMLError(
                    "unsupported feature: raw character U+\(padded) (a line break in YAML 1.1, text in YAML 1.2; write it as an escape in a double-quoted string)",
                    at: location
                )
            }
            throw YAMLError("invalid character U+\(padded) (YAML files may contain only printable characters)", at: location)
        }
    }

    // MARK: - Cursor

    var index: Int { mark.index }
    var isAtEnd: Bool { mark.index >= end }
    var current: Unicode.Scalar { chars[mark.index] }
    /// 0-based column of the cursor.
    var column: Int { mark.index - mark.lineStart }

    func peek(_ offset: Int) -> Unicode.Scalar {
        let target = mark.index + offset
        return target < end && target >= 0 ? chars[target] : "\0"
    }

    func char(at index: Int) -> Unicode.Scalar { index < end && index >= 0 ? chars[index] : "\0" }

    mutating func advance() {
        guard mark.index < end else { return }
        if chars[mark.index] == "\n" {
            mark.line += 1
            mark.lineStart = mark.index + 1
        }
        mark.index += 1
    }

    mutating func advance(to target: Int) {
        while mark.index < target, mark.index < end { advance() }
    }

    var location: SourceLocation { location(of: mark) }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.index - mark.lineStart + 1)
    }

    func error(_ message: String, at mark: Mark? = nil) -> YAMLError {
        YAMLError(message, at: location(of: mark ?? self.mark))
    }

    func text(from start: Int, to stop: Int) -> String {
        String(String.UnicodeScalarView(chars[start..<stop]))
    }

    /// The text of line `number` (1-based), for error excerpts.
    func sourceLine(_ number: Int) -> String? {
        var line = 1
        var start = 0
        var index = 0
        while index < end, line < number {
            if chars[index] == "\n" {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == number, start <= end else { return nil }
        var stop = start
        while stop < end, chars[stop] != "\n" { stop += 1 }
        return text(from: start, to: stop)
    }

    mutating func enterNesting() throws(YAMLError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: - Whitespace, comments, lines

    /// Skips spaces and tabs; returns whether a tab was among them.
    @discardableResult
    mutating func skipInlineWhitespace() -> Bool {
        var sawTab = false
        while YAMLCharacters.isWhite(current) {
            if current == "\t" { sawTab = true }
            advance()
        }
        return sawTab
    }

    /// True at a line break, the end, or a comment that is properly separated.
    var isAtLineEndOrComment: Bool {
        YAMLCharacters.isBreakOrEnd(current) || (current == "#" && (column == 0 || YAMLCharacters.isWhite(peek(-1))))
    }

    /// Consumes the rest of the line, which may hold only whitespace and a comment, and its break.
    /// `after` names what the line held, for the error when something else follows.
    mutating func finishLine(after what: String) throws(YAMLError) {
        skipInlineWhitespace()
        if current == "#" {
            guard column == 0 || YAMLCharacters.isWhite(peek(-1)) else {
                throw error("a comment must be separated from \(what) by whitespace")
            }
            while !YAMLCharacters.isBreakOrEnd(current) { advance() }
        }
        if isAtEnd { return }
        guard current == "\n" else { throw error("unexpected text after \(what)") }
        advance()
    }

    /// From the start of a line, skips blank and comment-only lines and stops on the first
    /// character of the next content line, recording its indentation (or at the end).
    mutating func skipBlankLines() {
        while !isAtEnd {
            var probe = mark.index
            var spaces = 0
            var tab: Int?
            while YAMLCharacters.isWhite(chars[probe]) {
                if chars[probe] == "\t" {
                    if tab == nil { tab = probe }
                } else if tab == nil {
                    spaces += 1
                }
                probe += 1
            }
            switch chars[probe] {
            case "\n":
                advance(to: probe + 1)
            case "#":
                while !YAMLCharacters.isBreakOrEnd(chars[probe]) { probe += 1 }
                advance(to: probe + 1)
            default:
                advance(to: probe)
                lineIndent = spaces
                lineTab = tab
                return
            }
        }
        lineIndent = 0
        lineTab = nil
    }

    /// `---` or `...` at column 0 followed by whitespace or the end: the edge of a document.
    func isDocumentMarker(at index: Int) -> Bool {
        guard index + 3 <= end else { return false }
        let first = chars[index]
        guard first == "-" || first == "." else { return false }
        return chars[index + 1] == first && chars[index + 2] == first
            && YAMLCharacters.isBlankOrEnd(char(at: index + 3))
    }

    /// At the end of the text or on a document marker: every block collection ends here.
    var isAtDocumentBoundary: Bool {
        isAtEnd || (column == 0 && isDocumentMarker(at: mark.index))
    }

    /// `-` followed by whitespace or the end of the line: a block sequence entry.
    var isAtSequenceIndicator: Bool {
        current == "-" && YAMLCharacters.isBlankOrEnd(peek(1))
    }

    /// The error for a tab where YAML expects indentation spaces; `index` is on the cursor's line.
    func tabError(at index: Int) -> YAMLError {
        error("tabs are not allowed in indentation", at: mark(at: index))
    }

    /// A mark for `index` on the cursor's line.
    func mark(at index: Int) -> Mark {
        Mark(index: index, line: mark.line, lineStart: mark.lineStart)
    }

    /// A mark for `target`, at or after the cursor, counting the lines in between.
    func mark(forIndex target: Int) -> Mark {
        var result = mark
        while result.index < target, result.index < end {
            if chars[result.index] == "\n" {
                result.line += 1
                result.lineStart = result.index + 1
            }
            result.index += 1
        }
        return result
    }
}
