import Foundation
import Testing

/// A `tta-monitor …` command line shown in a ```sh or ```console block of the Markdown docs.
struct DocumentedCommandLine: CustomTestStringConvertible, Sendable {
    /// `FILE:LINE`.
    let origin: String
    /// The arguments after `tta-monitor`.
    let arguments: [String]
    /// Whether the example shows this line failing with a usage error (its output starts
    /// with `Error:`), as the README's misspelled-option example does.
    let showsUsageError: Bool

    var testDescription: String { "\(origin): tta-monitor \(arguments.joined(separator: " "))" }

    /// Every such line of `document`. In ```sh blocks a line is a command; in ```console
    /// blocks only lines after a `$ ` prompt are, and the lines up to the next prompt are its output.
    static func all(in document: MarkdownDocument) -> [DocumentedCommandLine] {
        var found: [DocumentedCommandLine] = []
        for block in document.blocks where ["sh", "console", "bash", "shell"].contains(block.info) {
            let console = block.info == "console"
            for (index, line) in block.lines.enumerated() {
                var text = line.text.trimmingCharacters(in: .whitespaces)
                if console {
                    guard text.hasPrefix("$ ") else { continue }
                    text.removeFirst(2)
                }
                // Environment assignments before the command (`NO_COLOR=1 tta-monitor …`).
                let words = ShellWords.firstCommand(text).drop { $0.contains("=") && !$0.hasPrefix("-") }
                guard words.first == "tta-monitor" else { continue }
                let output = console ? block.lines[(index + 1)...].prefix { !$0.text.hasPrefix("$ ") } : []
                found.append(DocumentedCommandLine(origin: "\(document.path):\(line.number)", arguments: Array(words.dropFirst()),
                                                   showsUsageError: output.first?.text.hasPrefix("Error:") ?? false))
            }
        }
        return found
    }
}
