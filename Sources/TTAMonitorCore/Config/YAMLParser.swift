/// Parses the YAML subset tta-monitor reads (see DESIGN.md, "YAML subset"): one document of block
/// and flow collections, all scalar styles, anchors, aliases and `<<` merge keys, resolved with
/// the YAML 1.2 core schema. Anything outside the subset is an error naming the feature and its
/// position, never a silently different value.
public enum YAMLParser {
    /// Parses `text`, read from `file` (used in locations). Returns nil for a stream without a
    /// document (only comments and whitespace).
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode? {
        do {
            var reader = try YAMLReader(text: text, file: file)
            return try reader.parseStream()
        } catch {
            throw withSourceLine(error, text: text)
        }
    }

    private static func withSourceLine(_ error: YAMLError, text: String) -> YAMLError {
        guard error.sourceLine == nil, error.location.line >= 1 else { return error }
        var line = 1
        var lineText = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            // Count lines the way the reader does: \n, \r\n and a lone \r each end one.
            let isBreak = scalar == "\r" || (scalar == "\n" && !previousWasReturn)
            let isSecondHalf = scalar == "\n" && previousWasReturn
            previousWasReturn = scalar == "\r"
            if isSecondHalf { continue }
            if isBreak {
                if line == error.location.line { break }
                line += 1
                continue
            }
            if line == error.location.line { lineText.append(scalar) }
        }
        guard line == error.location.line else { return error }
        var result = error
        if lineText.first == "\u{FEFF}", line == 1 { lineText.removeFirst() }
        result.sourceLine = String(lineText)
        return result
    }
}

extension YAMLReader {
    /// The stream: comments, an optional `---`, one document, an optional `...`, comments.
    mutating func parseStream() throws(YAMLError) -> YAMLNode? {
        skipBlankLines()
        try skipDocumentEndMarkers()
        if isAtEnd { return nil }
        if column == 0, current == "%" {
            let start = index
            while !YAMLCharacters.isBlankOrEnd(current) { advance() }
            throw error("unsupported feature: directive '\(text(from: start, to: index))'", at: mark(at: start))
        }
        let root: YAMLNode
        if column == 0, isDocumentMarker(at: index), current == "-" {
            advance(to: index + 3)
            root = try parseBlockNode(parentIndent: -1, slot: .document)
        } else {
            root = try parseBlockNode(parentIndent: -1, slot: .document, freshLine: true)
        }
        if isAtEnd { return root }
        if column == 0, isDocumentMarker(at: index), current == "." {
            try skipDocumentEndMarkers()
            if isAtEnd { return root }
            throw error("unsupported feature: multiple documents in one file")
        }
        if column == 0, isDocumentMarker(at: index) || current == "%" {
            throw error("unsupported feature: multiple documents in one file")
        }
        if let tab = lineTab { throw tabError(at: tab) }
        throw error("unexpected content after the document's top-level node (check the indentation)")
    }

    /// Skips `...` lines (each may carry only a comment) and the blank lines after them.
    private mutating func skipDocumentEndMarkers() throws(YAMLError) {
        while !isAtEnd, column == 0, current == ".", isDocumentMarker(at: index) {
            advance(to: index + 3)
            try finishLine(after: "the document end marker '...'")
            skipBlankLines()
        }
    }
}
