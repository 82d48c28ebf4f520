/// Escaping for XML 1.0 text and attribute values.
enum XMLText {
    /// `text` safe inside an element or a double-quoted attribute: the five markup characters
    /// become entities, characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are
    /// dropped because no parser accepts them even as references, and in attributes tab,
    /// newline and carriage return become references so attribute normalisation keeps them.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
