/// Masks secrets in a config line quoted under an error, as `config show` masks them: the
/// value of every key named like a secret, the password in every URL, and any literal secret
/// the file holds elsewhere. An error message is printed, mailed and pasted into tickets; the
/// line it quotes must not carry the password that happens to sit on it.
enum ExcerptMasker {
    /// `line` with its secrets replaced by `SecretMasker.mask`; `secrets` are literal values
    /// known from the rest of the file (a password given on a line of its own, say).
    static func mask(_ line: String, secrets: [String] = []) -> String {
        maskKeyValues(maskURLs(maskLiterals(line, secrets)))
    }

    /// `text` with literal secrets and URL passwords masked (for messages that quote a value).
    static func maskValues(_ text: String, secrets: [String] = []) -> String {
        maskURLs(maskLiterals(text, secrets))
    }

    private static func maskLiterals(_ text: String, _ secrets: [String]) -> String {
        secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
            .reduce(text) { $0.contains($1) ? $0.replacing($1, with: SecretMasker.mask) : $0 }
    }

    /// Every `scheme://…` run, up to the first character that cannot be inside a YAML scalar
    /// of a flow collection, goes through `SecretMasker.maskURL`.
    private static func maskURLs(_ text: String) -> String {
        guard text.contains("://") else { return text }
        let characters = Array(text)
        let stops: Set<Character> = [" ", "\t", "\"", "'", ",", "}", "]", "{", "["]
        var out = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter, index == 0 || stops.contains(characters[index - 1]) else {
                out.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, !stops.contains(characters[end]) { end += 1 }
            let word = String(characters[index..<end])
            out += word.contains("://") ? SecretMasker.maskURL(word) : word
            index = end
        }
        return out
    }

    /// `password: x`, `- token: "x"`, `{user: u, password: x}`, `X-Api-Key: x`: the value goes,
    /// the key stays. A value that is only a `${VAR}` reference stays too: it is no secret.
    private static func maskKeyValues(_ line: String) -> String {
        var characters = Array(line)
        var index = 0
        var depth = 0
        while index < characters.count {
            let character = characters[index]
            let startsToken = index == 0 || [" ", "\t", "{", ","].contains(characters[index - 1])
            if character == "{" || character == "[" { depth += 1 }
            if (character == "}" || character == "]") && depth > 0 { depth -= 1 }
            guard startsToken, let (key, colon) = key(in: characters, at: index) else {
                if character == "\"" || character == "'" {
                    index = (characters[(index + 1)...].firstIndex(of: character) ?? characters.count - 1) + 1
                } else if character == "#", index == 0 || characters[index - 1] == " " {
                    break
                } else {
                    index += 1
                }
                continue
            }
            var valueStart = colon + 1
            while valueStart < characters.count, characters[valueStart] == " " { valueStart += 1 }
            index = valueStart
            guard SecretMasker.isSecretName(key), valueStart < characters.count,
                  let valueEnd = valueEnd(in: characters, from: valueStart, inFlow: depth > 0) else { continue }
            let isQuoted = characters[valueStart] == "\"" || characters[valueStart] == "'"
            let inner = isQuoted ? (valueStart + 1)..<(valueEnd - 1) : valueStart..<valueEnd
            let value = String(characters[inner])
            let isReference = value.hasPrefix("${") && value.hasSuffix("}") && !value.dropFirst(2).contains("$")
            guard !value.isEmpty, !isReference else {
                index = valueEnd
                continue
            }
            characters.replaceSubrange(inner, with: Array(SecretMasker.mask))
            index = inner.lowerBound + SecretMasker.mask.count + (isQuoted ? 1 : 0)
        }
        return String(characters)
    }

    /// A plain or quoted key at `start` followed by `:` and a space or the line's end: the
    /// key's text and the colon's index.
    private static func key(in characters: [Character], at start: Int) -> (String, Int)? {
        var end = start
        let key: String
        if characters[start] == "\"" || characters[start] == "'" {
            guard let close = characters[(start + 1)...].firstIndex(of: characters[start]) else { return nil }
            key = String(characters[(start + 1)..<close])
            end = close + 1
        } else {
            while end < characters.count, characters[end].isLetter || characters[end].isNumber || "_-.".contains(characters[end]) {
                end += 1
            }
            guard end > start else { return nil }
            key = String(characters[start..<end])
        }
        while end < characters.count, characters[end] == " " { end += 1 }
        guard end < characters.count, characters[end] == ":",
              end + 1 == characters.count || characters[end + 1] == " " else { return nil }
        return (key, end)
    }

    /// Where the scalar starting at `start` ends: after its closing quote; for a plain
    /// scalar before ` #`, or before `,`/`}`/`]` inside a flow collection. Nil for a nested
    /// collection (its own keys are looked at one by one).
    private static func valueEnd(in characters: [Character], from start: Int, inFlow: Bool) -> Int? {
        let first = characters[start]
        if first == "{" || first == "[" || first == "|" || first == ">" || first == "&" || first == "*" { return nil }
        if first == "\"" || first == "'" {
            var index = start + 1
            while index < characters.count {
                if characters[index] == "\\" && first == "\"" { index += 2; continue }
                if characters[index] == first { return index + 1 }
                index += 1
            }
            return nil
        }
        var end = start
        while end < characters.count {
            let character = characters[end]
            if inFlow, character == "," || character == "}" || character == "]" { break }
            if character == "#", characters[end - 1] == " " { break }
            end += 1
        }
        while end > start, characters[end - 1] == " " { end -= 1 }
        return end
    }
}
