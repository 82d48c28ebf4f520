/// Splits one line of a shell example into the words of its first simple command, the way
/// `sh` would for the quoting the docs use ('…', "…", backslash): everything from the first
/// unquoted `|`, `;`, `&`, `>`, `<` or `#` on is another command, a redirection or a comment.
enum ShellWords {
    static func firstCommand(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if "|;&<>".contains(character) || (character == "#" && !inWord) {
                // `2>file`: the descriptor number belongs to the redirection, not the command.
                if inWord && !(("<>".contains(character)) && word.allSatisfy(\.isNumber)) { words.append(word) }
                return words
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
