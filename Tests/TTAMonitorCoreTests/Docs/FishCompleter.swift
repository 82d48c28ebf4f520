import Foundation

/// Asks `completions/tta-monitor.fish` for candidates with fish's own `complete -C`, which
/// completes a command line exactly as pressing TAB would. All requests run in one fish
/// process.
struct FishCompleter {
    let sandbox: DocsSandbox

    static var isAvailable: Bool { ShellProcess.isInstalled("fish") }

    /// The candidates (without descriptions) for each request (words, the last under the
    /// cursor; an empty last word completes after a space).
    func complete(_ requests: [[String]]) async throws -> [[String]] {
        let separator = "@@tta-monitor-probe@@"
        var script = "source \(Self.quote(DocumentationFiles.path(DocumentationFiles.fishCompletion)))\n"
        for words in requests {
            let line = words.map { $0.contains(" ") ? Self.quote($0) : $0 }.joined(separator: " ")
            script += "echo \(separator)\ncomplete -C \(Self.quote(line))\n"
        }
        let file = try sandbox.write(script, to: "probe.fish")
        guard let fish = ShellProcess.find("fish") else { throw CompletionFailure("fish is not installed") }
        let outcome = try await ShellProcess.run(fish, ["--no-config", file],
                                           environment: sandbox.shellEnvironment, workingDirectory: sandbox.path)
        guard outcome.status == 0, outcome.stderr.isEmpty else {
            throw CompletionFailure("fish exited \(outcome.status): \(outcome.stderr)")
        }
        let blocks = outcome.stdout.components(separatedBy: separator + "\n").dropFirst()
        guard blocks.count == requests.count else {
            throw CompletionFailure("expected \(requests.count) replies from fish, got \(blocks.count): \(outcome.stdout)")
        }
        return blocks.map { block in
            block.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        }
    }

    /// `text` in single quotes for fish (which escapes `\` and `'` inside them).
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: "'", with: #"\'"#) + "'"
    }
}
