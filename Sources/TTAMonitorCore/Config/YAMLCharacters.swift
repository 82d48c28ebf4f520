/// The YAML 1.2 character classes the reader needs (spec chapter 5), over Unicode scalars.
enum YAMLCharacters {
    /// `s-white`: space or tab.
    static func isWhite(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// A line break (normalized to `\n`) or the end sentinel.
    static func isBreakOrEnd(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\0" }

    /// Whitespace, a line break or the end.
    static func isBlankOrEnd(_ scalar: Unicode.Scalar) -> Bool { isWhite(scalar) || isBreakOrEnd(scalar) }

    /// `c-flow-indicator`.
    static func isFlowIndicator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", "[", "]", "{", "}": true
        default: false
        }
    }

    /// `c-indicator`: characters with a meaning of their own at the start of a node.
    static func isIndicator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`": true
        default: false
        }
    }

    /// `c-printable` (the byte order mark is allowed only at the start, which the reader strips).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0x10000...0x10FFFF: true
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        default: false
        }
    }

    /// `ns-char`: printable, not whitespace, not a break.
    static func isNonSpace(_ scalar: Unicode.Scalar) -> Bool {
        !isBlankOrEnd(scalar) && isPrintable(scalar)
    }

    /// `ns-anchor-char`: what an anchor or alias name is made of.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNonSpace(scalar) && !isFlowIndicator(scalar)
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
