/// Breaks text into lines that fit a width, measured with the Helvetica metrics: at spaces
/// where possible, inside a word only when the word alone is too wide (URLs, hashes), and at
/// every line break in the text.
enum TextWrapper {
    /// The lines of `text` (WinAnsi-encoded) no wider than `width` points; at most
    /// `maxLines`, the last ending in an ellipsis when text was cut.
    static func wrap(_ text: String, width: Double, font: PDFFont, size: Double, maxLines: Int = .max) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        outer: for paragraph in paragraphs {
            let bytes = WinAnsiEncoding.encode(String(paragraph))
            var line: [UInt8] = []
            var lineWidth = 0.0
            var index = 0
            if bytes.isEmpty { lines.append([]) }
            while index < bytes.count {
                // The next word and the spaces before it.
                var end = index
                while end < bytes.count, bytes[end] == 32 { end += 1 }
                while end < bytes.count, bytes[end] != 32 { end += 1 }
                let word = Array(bytes[index..<end])
                let wordWidth = HelveticaMetrics.width(word, font: font, size: size)
                if lineWidth + wordWidth <= width {
                    line += word
                    lineWidth += wordWidth
                } else if !line.isEmpty, HelveticaMetrics.width(Array(word.drop { $0 == 32 }), font: font, size: size) <= width {
                    lines.append(line)
                    if lines.count >= maxLines { break outer }
                    line = Array(word.drop { $0 == 32 })
                    lineWidth = HelveticaMetrics.width(line, font: font, size: size)
                } else {
                    // Too wide even alone: break it character by character.
                    for byte in word where !(line.isEmpty && byte == 32) {
                        let characterWidth = HelveticaMetrics.width(byte, font: font, size: size)
                        if lineWidth + characterWidth > width, !line.isEmpty {
                            lines.append(line)
                            if lines.count >= maxLines { break outer }
                            line = []
                            lineWidth = 0
                        }
                        line.append(byte)
                        lineWidth += characterWidth
                    }
                }
                index = end
            }
            if !line.isEmpty { lines.append(line) }
            if lines.count >= maxLines { break }
        }
        if lines.count > maxLines || (lines.count == maxLines && wasCut(text, lines)) {
            lines = Array(lines.prefix(maxLines))
            var last = lines[maxLines - 1]
            let ellipsis: UInt8 = 0x85
            while !last.isEmpty,
                  HelveticaMetrics.width(last + [ellipsis], font: font, size: size) > width { last.removeLast() }
            lines[maxLines - 1] = last + [ellipsis]
        }
        return lines.isEmpty ? [[]] : lines
    }

    /// Whether `lines` hold less text than `text` (ignoring spaces and line breaks).
    private static func wasCut(_ text: String, _ lines: [[UInt8]]) -> Bool {
        let shown = lines.reduce(0) { $0 + $1.filter { $0 != 32 }.count }
        let total = WinAnsiEncoding.encode(text).filter { $0 != 32 && $0 != 10 && $0 != 13 }.count
        return shown < total
    }
}
