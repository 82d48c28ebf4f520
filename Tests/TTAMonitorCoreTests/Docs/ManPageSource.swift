/// The mdoc source of the man page, read just far enough to find what a reader looks up:
/// the entry of each command, the options in it, and the global options.
///
/// The layout it expects (and the man page's header comment repeats): in COMMANDS, one
/// first-level list item per command whose head names the command with `Cm`
/// (`.It Cm alerts show Ar id`, or `.It Xo` … `.Cm check` … `.Xc`); inside it, a
/// second-level item per option (`.It Fl -format Ar format`).
struct ManPageSource {
    /// One list item: its head (the `.It` line, or the lines up to `.Xc`) and all its lines.
    struct Item {
        var head: [String]
        var lines: [String]

        /// The words of the head without macro dots, e.g. `It Fl -format Ar format`.
        var headWords: [String] { head.flatMap(ManPageSource.words) }

        /// Every word of the item.
        var allWords: [String] { lines.flatMap(ManPageSource.words) }
    }

    /// The line every entry of a command that is not built yet carries.
    static let notImplementedMarker = ".Sy Not implemented yet in this version; exits 70 ."

    let lines: [String]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines of the section `.Sh name`, without the `.Sh` line itself.
    func section(_ name: String) -> [String] {
        guard let start = lines.firstIndex(of: ".Sh \(name)") else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix(".Sh ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    /// The section names in order.
    var sectionNames: [String] {
        lines.filter { $0.hasPrefix(".Sh ") }.map { String($0.dropFirst(4)) }
    }

    /// The command entries of COMMANDS, keyed by the command words their head names.
    var commandEntries: [(path: [String], item: Item)] {
        Self.items(in: section("COMMANDS"), depth: 1).map { (Self.commandPath(in: $0.headWords), $0) }
    }

    /// The entry of the command at `path`.
    func commandEntry(_ path: [String]) -> Item? {
        commandEntries.first { $0.path == path }?.item
    }

    /// The option items directly inside a command entry.
    static func optionItems(in entry: Item) -> [Item] {
        items(in: Array(entry.lines.dropFirst(entry.head.count)), depth: 1)
    }

    /// The item among `items` whose head documents `--name` (`Fl -name`).
    static func optionItem(named name: String, in items: [Item]) -> Item? {
        items.first { item in
            let words = item.headWords
            return zip(words, words.dropFirst()).contains { $0 == "Fl" && $1 == "-\(name)" }
        }
    }

    /// Items of the lists nested `depth` deep in `lines` (1: the outermost lists).
    static func items(in lines: [String], depth target: Int) -> [Item] {
        var result: [Item] = []
        var current: [String]?
        var depth = 0
        func close() {
            if let lines = current { result.append(Item(head: head(of: lines), lines: lines)) }
            current = nil
        }
        for line in lines {
            if line.hasPrefix(".Bl") {
                current?.append(line)
                depth += 1
            } else if line.hasPrefix(".El") {
                if depth == target { close() } else { current?.append(line) }
                depth -= 1
            } else if line.hasPrefix(".It"), depth == target {
                close()
                current = [line]
            } else {
                current?.append(line)
            }
        }
        close()
        return result
    }

    /// The head of an item: its `.It` line, or through `.Xc` when it starts with `.It Xo`.
    private static func head(of lines: [String]) -> [String] {
        guard lines.first == ".It Xo", let end = lines.firstIndex(of: ".Xc") else { return Array(lines.prefix(1)) }
        return Array(lines[...end])
    }

    /// The command words after the first `Cm`, up to the next macro (`Ar`, `Op`, …).
    private static func commandPath(in words: [String]) -> [String] {
        guard let start = words.firstIndex(of: "Cm") else { return [] }
        return Array(words[(start + 1)...].prefix { word in
            word.first.map { $0.isLowercase } == true && word.allSatisfy { $0.isLowercase || $0 == "-" }
        })
    }

    /// The words of a line with the leading macro dot removed.
    static func words(_ line: String) -> [String] {
        let body = line.hasPrefix(".") ? String(line.dropFirst()) : line
        return body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}
