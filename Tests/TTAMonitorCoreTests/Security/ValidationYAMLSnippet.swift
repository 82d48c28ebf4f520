import Foundation

/// A YAML example from the user documentation, and how it becomes a whole config file: its
/// sections are laid over `tta_config.yaml.example`, so a snippet that names checks or
/// channels defined elsewhere is read in the company the documentation assumes.
struct ValidationYAMLSnippet: CustomStringConvertible, Sendable {
    /// `README.md:193` or `man/tta-monitor.1:1192`.
    let origin: String
    let text: String

    var description: String { origin }

    /// Whether it is a `tta_config.yaml` fragment (others, such as prometheus.yml, are not
    /// tta-monitor's to load).
    var isTTAConfig: Bool { topLevelBlocks.contains { $0.key == "monitoring" } }

    /// Every ```yaml block of a Markdown file, dedented to its fence.
    static func markdown(_ text: String, file: String) -> [ValidationYAMLSnippet] {
        var snippets: [ValidationYAMLSnippet] = []
        var current: (line: Int, indent: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if var open = current {
                if trimmed.hasPrefix("```") {
                    snippets.append(ValidationYAMLSnippet(origin: "\(file):\(open.line)", text: open.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    open.lines.append(String(line.dropFirst(min(open.indent, line.prefix { $0 == " " }.count))))
                    current = open
                }
            } else if trimmed == "```yaml" || trimmed == "```yml" {
                current = (index + 1, line.count - trimmed.count, [])
            }
        }
        return snippets
    }

    /// Every `.Bd -literal` block of an mdoc page that is YAML (its first line is `key:`),
    /// with the roff escapes a YAML example can contain undone.
    static func manPage(_ text: String, file: String) -> [ValidationYAMLSnippet] {
        var snippets: [ValidationYAMLSnippet] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var open = current {
                if line.hasPrefix(".Ed") {
                    if let first = open.lines.first, first.range(of: #"^[A-Za-z_]+:"#, options: .regularExpression) != nil {
                        snippets.append(ValidationYAMLSnippet(origin: "\(file):\(open.line)", text: open.lines.joined(separator: "\n") + "\n"))
                    }
                    current = nil
                } else {
                    open.lines.append(line.replacingOccurrences(of: #"\(dq"#, with: "\"").replacingOccurrences(of: #"\-"#, with: "-")
                        .replacingOccurrences(of: #"\&"#, with: "").replacingOccurrences(of: #"\e"#, with: #"\"#))
                    current = open
                }
            } else if line.hasPrefix(".Bd -literal") {
                current = (index + 1, [])
            }
        }
        return snippets
    }

    /// The top-level keys with their whole blocks (comments and blank lines go with the key
    /// above them).
    var topLevelBlocks: [(key: String, lines: [String])] { Self.blocks(of: text.split(separator: "\n").map(String.init), indent: 0) }

    static func blocks(of lines: [String], indent: Int) -> [(key: String, lines: [String])] {
        var blocks: [(key: String, lines: [String])] = []
        let prefix = String(repeating: " ", count: indent)
        for line in lines {
            let isKey = line.hasPrefix(prefix) && line.dropFirst(indent).first.map { $0 != " " && $0 != "#" && $0 != "-" } == true
            if isKey, let colon = line.firstIndex(of: ":") {
                blocks.append((String(line[line.index(line.startIndex, offsetBy: indent)..<colon]), [line]))
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].lines.append(line)
            }
        }
        return blocks
    }

    /// The example config with this snippet laid over it: a key whose value is a block
    /// mapping in both (`monitoring:`, `alerts:`) is merged key by key; any other key of the
    /// snippet (a list of checks, a flow mapping, a scalar) replaces the example's.
    func completed(with example: String) -> String {
        let base = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let over = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Self.merge(base, over, indent: 0).joined(separator: "\n") + "\n"
    }

    private static func merge(_ base: [String], _ over: [String], indent: Int) -> [String] {
        let theirs = blocks(of: base, indent: indent)
        let ours = blocks(of: over, indent: indent)
        // Lines before the first key (comments) stay.
        var result = Array(base.prefix { line in !theirs.contains { $0.lines.first == line } })
        for block in theirs {
            guard let mine = ours.first(where: { $0.key == block.key }) else {
                result += block.lines
                continue
            }
            if isBlockMapping(block.lines), isBlockMapping(mine.lines) {
                result.append(block.lines[0])
                result += merge(Array(block.lines.dropFirst()), Array(mine.lines.dropFirst()), indent: indent + 2)
            } else {
                result += mine.lines
            }
        }
        for block in ours where !theirs.contains(where: { $0.key == block.key }) { result += block.lines }
        return result
    }

    /// `key:` with nothing after it but a comment, followed by keys (not `- ` items).
    private static func isBlockMapping(_ lines: [String]) -> Bool {
        guard let header = lines.first, let colon = header.firstIndex(of: ":") else { return false }
        let rest = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else { return false }
        let child = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("#") }
        return child.map { !$0.hasPrefix("-") } ?? false
    }

    /// The example with every snippet laid over it in order, as a reader who pastes them
    /// all into the example would get.
    static func completed(_ snippets: [ValidationYAMLSnippet], with example: String) -> String {
        snippets.reduce(example) { $1.completed(with: $0) }
    }

    /// `${NAME}` references without a default: the environment a user would have set.
    var requiredVariables: [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"\$\{([A-Za-z_][A-Za-z0-9_]*)\}"#)
        let range = NSRange(text.startIndex..., in: text)
        var variables: [String: String] = [:]
        for match in pattern.matches(in: text, range: range) {
            guard let nameRange = Range(match.range(at: 1), in: text) else { continue }
            let name = String(text[nameRange])
            variables[name] = name.contains("WEBHOOK") || name.hasSuffix("URL") ? "https://hooks.example.invalid/T0/B0" : "documented-value"
        }
        return variables
    }
}
