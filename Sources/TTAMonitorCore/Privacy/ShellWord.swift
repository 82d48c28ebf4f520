/// One word of a shell line with what surrounds it, so a masked line keeps its spacing and
/// quotes. Only what masking needs: quotes are understood, expansions and escapes are not.
struct ShellWord {
    /// The word without its quotes.
    var text: String
    /// The word as written.
    var raw: String
    /// The quote character around the whole word, if it was quoted whole.
    var quote: String
    /// Whitespace before the word.
    var leading: String
    /// Whitespace after the last word of the line.
    var trailing: String

    static func split(_ line: String) -> [ShellWord] {
        var tokens: [ShellWord] = []
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            var leading = ""
            while index < characters.count, characters[index].isWhitespace {
                leading.append(characters[index])
                index += 1
            }
            guard index < characters.count else {
                if !tokens.isEmpty { tokens[tokens.count - 1].trailing = leading }
                break
            }
            var raw = ""
            var text = ""
            var quote: Character?
            while index < characters.count, quote != nil || !characters[index].isWhitespace {
                let character = characters[index]
                raw.append(character)
                if let open = quote {
                    if character == open { quote = nil } else { text.append(character) }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else {
                    text.append(character)
                }
                index += 1
            }
            let wholeQuote = raw.count >= 2 && (raw.first == "\"" || raw.first == "'") && raw.last == raw.first
                && raw.dropFirst().dropLast().allSatisfy { $0 != raw.first }
            tokens.append(ShellWord(text: text, raw: raw, quote: wholeQuote ? String(raw.first!) : "",
                                      leading: leading, trailing: ""))
        }
        return tokens
    }
}
