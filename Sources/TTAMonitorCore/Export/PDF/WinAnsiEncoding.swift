/// Text to WinAnsi (Windows-1252) bytes, the encoding the base-14 fonts are used with.
/// A character WinAnsi cannot show (emoji, CJK, a letter with a separate combining mark)
/// becomes `?`, visibly; control characters become spaces. Nothing outside 32…255 is
/// ever produced, so the text can never break the PDF syntax around it.
enum WinAnsiEncoding {
    /// The replacement for characters that have no WinAnsi code.
    static let replacement: UInt8 = 63

    /// Encodes `text` one Character at a time.
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                bytes.append(character == "\r\n" ? 32 : replacement)
                continue
            }
            bytes.append(code(scalar))
        }
        return bytes
    }

    /// The WinAnsi code of one scalar.
    static func code(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        switch value {
        case 0..<32, 127: return 32
        case 32..<127: return UInt8(value)
        case 0xA0...0xFF: return UInt8(value)
        default: return special[value] ?? replacement
        }
    }

    /// The 0x80…0x9F block, where Windows-1252 differs from Latin-1.
    private static let special: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// A PDF literal string `( … )` of WinAnsi bytes: `(`, `)` and `\` are escaped, and
    /// bytes outside printable ASCII are written as octal escapes so the file stays 7-bit
    /// text apart from its binary marker line.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [40]
        for byte in bytes {
            switch byte {
            case 40, 41, 92:
                out.append(92)
                out.append(byte)
            case 32..<127:
                out.append(byte)
            default:
                out.append(92)
                out.append(48 + (byte >> 6))
                out.append(48 + ((byte >> 3) & 7))
                out.append(48 + (byte & 7))
            }
        }
        out.append(41)
        return out
    }
}
