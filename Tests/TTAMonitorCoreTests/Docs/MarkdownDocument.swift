import Foundation

/// One Markdown file of the documentation set, split into what the doc tests read: fenced
/// blocks (with their info string and line numbers), the prose outside them, and headings.
struct MarkdownDocument: Sendable {
    /// A fenced code block.
    struct Block: Sendable {
        /// The info string after the opening fence (`sh`, `console`, `yaml`, or empty).
        var info: String
        /// Its lines with their 1-based line numbers in the file.
        var lines: [(number: Int, text: String)]
    }

    /// The path relative to the package root, e.g. `docs/alerts.md`.
    let path: String
    let blocks: [Block]
    /// Lines outside fenced blocks, with their 1-based numbers.
    let prose: [(number: Int, text: String)]

    /// Every Markdown file the docs tests keep honest: the README, ARCHITECTURE.md,
    /// CONTRIBUTING.md and everything in docs/.
    static func all() throws -> [MarkdownDocument] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: DocumentationFiles.path("docs"))
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return try (["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"] + docs).map(MarkdownDocument.init(path:))
    }

    init(path: String) throws {
        self.path = path
        var blocks: [Block] = []
        var prose: [(number: Int, text: String)] = []
        var open: Block?
        for (index, line) in try DocumentationFiles.read(path).components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = Block(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), lines: [])
                }
            } else if open != nil {
                open!.lines.append((index + 1, line))
            } else {
                prose.append((index + 1, line))
            }
        }
        self.blocks = blocks
        self.prose = prose
    }

    /// The anchors GitHub gives the headings: lowercased, punctuation dropped, spaces as
    /// hyphens, a repeated heading numbered `-1`, `-2`, ….
    var anchors: Set<String> {
        var seen: [String: Int] = [:]
        var anchors: Set<String> = []
        for (_, line) in prose where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            let slug = String(title.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return anchors
    }
}
