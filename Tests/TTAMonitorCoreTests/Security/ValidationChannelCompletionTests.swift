import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 27: `alerts notify-test <TAB>` offers the config's alert channel names in bash, zsh
/// and fish, asking the real binary (`--json config show`) for the config on the command line.
@Suite struct ValidationChannelCompletionTests {
    static let channels = ["oncall", "ops-log", "team.file"]

    /// A sandbox whose `bin/tta-monitor` is the real binary, and a config with channels,
    /// rules and a header named `name` (none of which may be offered as a channel).
    private func sandbox() throws -> (DocsSandbox, String) {
        let sandbox = try DocsSandbox()
        try FileManager.default.createDirectory(atPath: sandbox.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path + "/bin/tta-monitor",
                                                   withDestinationPath: BinaryRunner.binaryPath)
        let config = try sandbox.write("""
            monitoring:
              checks:
                - {name: disk-root, type: disk, path: /}
              alerts:
                rules:
                  - {name: rule-not-a-channel, kind: status}
                channels:
                  - {name: oncall, type: webhook, url: "http://127.0.0.1:1/hook", headers: {name: header-not-a-channel}}
                  - {name: ops-log, type: command, command: "logger -t tta"}
                  - {name: team.file, type: file, path: alerts.jsonl}
            """, to: "my config.yaml")
        return (sandbox, config)
    }

    @Test func bashOffersTheChannelNames() async throws {
        let (sandbox, config) = try sandbox()
        let replies = try await BashCompleter(sandbox: sandbox).complete([
            ["tta-monitor", "--config", config, "alerts", "notify-test", ""],
            ["tta-monitor", "alerts", "notify-test", "--config=\(config)", "o"],
            ["tta-monitor", "--config", config, "alerts", "notify-test", "oncall", ""],
            ["tta-monitor", "alerts", "notify-test", ""],
        ])
        #expect(replies[0] == Self.channels)
        #expect(replies[1] == ["oncall", "ops-log"])
        #expect(replies[2].isEmpty, "a second channel is not an argument: \(replies[2])")
        #expect(replies[3].isEmpty, "no config, no names: \(replies[3])")
    }

    @Test func fishOffersTheChannelNames() async throws {
        guard ShellProcess.isInstalled("fish") else { return }
        let (sandbox, config) = try sandbox()
        let replies = try await FishCompleter(sandbox: sandbox).complete([
            ["tta-monitor", "--config", config, "alerts", "notify-test", ""],
            ["tta-monitor", "alerts", "notify-test", "--config=\(config)", "op"],
        ])
        #expect(replies[0] == Self.channels, "\(replies[0])")
        #expect(replies[1] == ["ops-log"], "\(replies[1])")
    }

    @Test func zshOffersTheChannelNames() async throws {
        guard let zsh = ShellProcess.find("zsh") else { return }
        let (sandbox, config) = try sandbox()
        // Load the completion file's functions without the completion system: `_arguments`
        // fails at once, `_wanted` prints the names it would add.
        let script = try sandbox.write("""
            _arguments() { return 1 }
            _wanted() { print -l -- ${(P)${@[-1]}} }
            source '\(DocumentationFiles.path(DocumentationFiles.zshCompletion))'
            typeset -A opt_args
            opt_args[--config]='\(config)'
            _tta-monitor_channel_names
            """, to: "probe.zsh")
        let outcome = try await ShellProcess.run(zsh, ["-f", script], environment: sandbox.shellEnvironment,
                                                 workingDirectory: sandbox.path)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").map(String.init) == Self.channels, "\(outcome.stdout)")
    }
}
