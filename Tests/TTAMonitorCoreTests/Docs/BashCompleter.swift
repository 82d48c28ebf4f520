import Foundation

/// Asks `completions/tta-monitor.bash` for candidates the way bash does on TAB: sets
/// COMP_WORDS and COMP_CWORD, calls `_tta_monitor` and reads COMPREPLY. All requests run
/// in one bash process, so the whole table costs one process start.
struct BashCompleter {
    let sandbox: DocsSandbox

    /// COMPREPLY for each request (each a list of words, the last under the cursor).
    func complete(_ requests: [[String]]) async throws -> [[String]] {
        var script = "source \(Self.quote(DocumentationFiles.path(DocumentationFiles.bashCompletion)))\n"
        script += #"""
        probe() {
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
            _tta_monitor
            printf '%s\037' "${COMPREPLY[@]}"; printf '\n'
        }

        """#
        for words in requests {
            script += "probe " + words.map(Self.quote).joined(separator: " ") + "\n"
        }
        let file = try sandbox.write(script, to: "probe.bash")
        guard let bash = ShellProcess.find("bash") else { throw CompletionFailure("bash is not installed") }
        let outcome = try await ShellProcess.run(bash, ["--norc", "--noprofile", file],
                                           environment: sandbox.shellEnvironment, workingDirectory: sandbox.path)
        guard outcome.status == 0, outcome.stderr.isEmpty else {
            throw CompletionFailure("bash exited \(outcome.status): \(outcome.stderr)")
        }
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count == requests.count else {
            throw CompletionFailure("expected \(requests.count) replies from bash, got \(lines.count): \(outcome.stdout)")
        }
        return lines.map { $0.split(separator: "\u{1F}").map(String.init) }
    }

    /// `word` in single quotes for bash.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

/// A shell could not be asked for completions at all.
struct CompletionFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
