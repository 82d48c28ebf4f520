/// Expands `${VAR}` and `${VAR:-default}` in config strings; `$$` is a literal `$`.
public struct EnvironmentInterpolation: Sendable {
    /// Why a string could not be expanded.
    public enum Failure: Error, Equatable {
        /// `${NAME}` with NAME unset and no default.
        case unset(String)
        /// `${` without a closing `}` or with an invalid name.
        case malformed(String)
    }

    private let environment: [String: String]

    /// Creates an expander over `environment`.
    public init(environment: [String: String]) { self.environment = environment }

    /// Expands every reference in `text`. A variable set to the empty string counts as set for
    /// `${VAR}` but takes the default in `${VAR:-default}`, as POSIX shells do.
    public func expand(_ text: String) throws(Failure) -> String {
        try expand(text, forShell: false)
    }

    /// Expands `text`, a command that `/bin/sh -c` will run: each substituted value (or
    /// default) is quoted for where it stands, so it reaches the command as literal data and
    /// `$(…)`, backquotes or `;` inside it never run.
    public func expandShellCommand(_ text: String) throws(Failure) -> String {
        try expand(text, forShell: true)
    }

    private func expand(_ text: String, forShell: Bool) throws(Failure) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var shell = ShellQuoteState()
        func emit(_ character: Character) {
            result.append(character)
            if forShell { shell.consume(character) }
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "$" else {
                emit(character)
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            if next < text.endIndex, text[next] == "$" {
                emit("$")
                index = text.index(after: next)
                continue
            }
            guard next < text.endIndex, text[next] == "{" else {
                emit("$")
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else {
                throw .malformed("unterminated '${' in '\(text)'")
            }
            let body = text[text.index(after: next)..<close]
            let name: Substring
            var fallback: Substring?
            if let operatorRange = body.firstRange(of: ":-") {
                name = body[..<operatorRange.lowerBound]
                fallback = body[operatorRange.upperBound...]
            } else {
                name = body
            }
            guard Self.isValidName(name) else { throw .malformed("invalid variable name '\(name)'") }
            let value = environment[String(name)]
            let substituted: String
            if let fallback {
                substituted = (value?.isEmpty ?? true) ? String(fallback) : value!
            } else if let value {
                substituted = value
            } else {
                throw .unset(String(name))
            }
            result += forShell ? shell.quote(substituted) : substituted
            index = text.index(after: close)
        }
        return result
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
