/// Follows the quoting of a `/bin/sh -c` command text as it is written, so a `${VAR}` value
/// can be quoted for the place it lands in: unquoted, inside '…', inside "…", inside `$(…)` or
/// backquotes. The command text is the config's (trusted); the value is data and must reach
/// the command as one literal word, whatever `$()`, backquotes, `;` or quotes it holds.
struct ShellQuoteState {
    private enum Context: Equatable {
        case single, double, backquote
        /// `$(`…`)`, with the depth of plain parentheses opened inside it.
        case substitution(depth: Int)
    }

    private var stack: [Context] = []
    private var escaped = false
    private var afterDollar = false

    /// Reads one character of the command text (never a substituted value).
    mutating func consume(_ character: Character) {
        let wasDollar = afterDollar
        afterDollar = false
        if escaped { escaped = false; return }
        switch stack.last {
        case .single:
            if character == "'" { stack.removeLast() }
        case .double:
            switch character {
            case "\\": escaped = true
            case "\"": stack.removeLast()
            case "`": stack.append(.backquote)
            case "(" where wasDollar: stack.append(.substitution(depth: 0))
            case "$": afterDollar = true
            default: break
            }
        case nil, .backquote, .substitution:
            switch character {
            case "\\": escaped = true
            case "'": stack.append(.single)
            case "\"": stack.append(.double)
            case "$": afterDollar = true
            case "`": if stack.last == .backquote { stack.removeLast() } else { stack.append(.backquote) }
            case "(" where wasDollar: stack.append(.substitution(depth: 0))
            case "(": if case .substitution(let depth) = stack.last { stack[stack.count - 1] = .substitution(depth: depth + 1) }
            case ")":
                if case .substitution(let depth) = stack.last {
                    if depth == 0 { stack.removeLast() } else { stack[stack.count - 1] = .substitution(depth: depth - 1) }
                }
            default: break
            }
        }
    }

    /// `value` written so that the shell reads it back literally at the current position.
    func quote(_ value: String) -> String {
        var text: String
        switch stack.last {
        case .single:
            // Close the quote, add the value's own quotes escaped, reopen.
            text = value.replacing("'", with: "'\\''")
        case .double:
            text = ""
            for character in value {
                if "$`\"\\".contains(character) { text.append("\\") }
                text.append(character)
            }
        case nil, .backquote, .substitution:
            text = "'" + value.replacing("'", with: "'\\''") + "'"
        }
        // Inside backquotes the shell first removes one level of backslashes before `$`,
        // backquote and backslash, so each enclosing level needs its own.
        for _ in stack.filter({ $0 == .backquote }) {
            var escapedText = ""
            for character in text {
                if "$`\\".contains(character) { escapedText.append("\\") }
                escapedText.append(character)
            }
            text = escapedText
        }
        return text
    }
}
