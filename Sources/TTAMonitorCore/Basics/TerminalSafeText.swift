/// Makes text that came from outside (a target's body, a Redis error reply, a scraped label,
/// command output, a receiver's error body, a file another user can write) harmless on a
/// terminal. A terminal obeys what it is sent: ESC starts sequences that clear the screen, move
/// the cursor or set the window title; CR and BS overwrite what was printed (a forged "OK");
/// bidi overrides reorder what the eye reads. None of that may come from a target.
///
/// Each such character becomes a visible stand-in of one column, so the text stays readable
/// and its length does not change: C0 controls their Unicode control picture (ESC → `␛`,
/// CR → `␍`, BS → `␈`, BEL → `␇`), DEL `␡`, C1 controls and bidi overrides/isolates `�`.
/// TAB becomes a space (a table cell cannot hold one).
public enum TerminalSafeText {
    /// `text` with every control character replaced; `keepingLayout` leaves LF and TAB alone
    /// for text that is multi-line by nature (a command's long output inside JSON details, an
    /// error with its caret excerpt).
    public static func neutralise(_ text: String, keepingLayout: Bool = false) -> String {
        guard needsNeutralising(text, keepingLayout: keepingLayout) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            output.append(replacement(for: scalar, keepingLayout: keepingLayout) ?? scalar)
        }
        return String(output)
    }

    /// Whether `text` holds anything `neutralise` would change. Most text is printable ASCII,
    /// which this decides from the bytes alone.
    public static func needsNeutralising(_ text: String, keepingLayout: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var sawNonASCII = false
            for byte in bytes {
                if byte < 0x20 {
                    if keepingLayout && (byte == 0x0A || byte == 0x09) { continue }
                    return true
                }
                if byte == 0x7F { return true }
                if byte >= 0x80 { sawNonASCII = true }
            }
            guard sawNonASCII else { return false }
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains {
                replacement(for: $0, keepingLayout: keepingLayout) != nil
            }
        }
    }

    /// The stand-in for `scalar`, or nil when it may be shown as it is.
    static func replacement(for scalar: Unicode.Scalar, keepingLayout: Bool) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09: return keepingLayout ? nil : " "
        case 0x0A: return keepingLayout ? nil : Unicode.Scalar(0x240A)
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)
        case 0x7F: return Unicode.Scalar(0x2421)
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return nil
        }
    }
}
