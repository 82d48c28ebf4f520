import Testing

/// Runs the bash completion the way bash does on TAB and checks what it offers, for every
/// command, option and value of the command table.
@Suite struct BashCompletionTests {
    let sandbox: DocsSandbox
    let completer: BashCompleter

    init() throws {
        sandbox = try DocsSandbox()
        completer = BashCompleter(sandbox: sandbox)
    }

    @Test func completesWhatUsersTypeMost() async throws {
        let replies = try await completer.complete([
            ["tta-monitor", "che"],
            ["tta-monitor", "check", "--fo"],
            ["tta-monitor", "check", "--format", ""],
        ])
        #expect(replies[0] == ["check"])
        #expect(replies[1] == ["--format"])
        #expect(replies[2].contains("json"))
        #expect(replies[2] == ["table", "json", "nagios", "junit", "tap", "openmetrics"])
    }

    @Test func completesEveryCommand() async throws {
        try await expectOffered(CompletionCase.commands)
    }

    @Test func completesEveryOptionOfEveryCommand() async throws {
        try await expectOffered(CompletionCase.options)
    }

    @Test func completesTheAllowedValuesOfEveryOption() async throws {
        try await expectOffered(CompletionCase.values(equals: false) + CompletionCase.values(equals: true))
        // Interactive bash splits `--format=` at the `=` (COMP_WORDBREAKS): `--format`, `=`, ``.
        try await expectOffered(CompletionCase.values(equals: false).map { item in
            var split = item
            split.words.insert("=", at: split.words.count - 1)
            return split
        })
    }

    @Test func knowsTheCommandAfterAnOptionAndItsValue() async throws {
        try await expectOffered(CompletionCase.afterOptions)
    }

    @Test func wordsAfterDoubleDashAreNotOptions() async throws {
        let replies = try await completer.complete([["tta-monitor", "status", "--", "--"]])
        #expect(replies[0].isEmpty)
    }

    @Test func helpWalksTheCommandTree() async throws {
        let replies = try await completer.complete([["tta-monitor", "help", "al"], ["tta-monitor", "help", "alerts", "si"]])
        #expect(replies[0] == ["alerts"])
        #expect(replies[1] == ["silence"])
    }

    @Test func completesCheckNamesFromTheConfig() async throws {
        try ConfigShowStandIn.install(in: sandbox)
        let config = sandbox.path + "/my config.yaml"
        let replies = try await completer.complete([
            ["tta-monitor", "--config", config, "check", ""],
            ["tta-monitor", "check", "--config=\(config)", "redis", "p"],
            ["tta-monitor", "status", "--component", ""],
            ["tta-monitor", "alerts", "silence", "--component", "d"],
        ])
        #expect(replies[0] == ConfigShowStandIn.checkNames)
        #expect(replies[1] == ["player-api.v2"])
        #expect(replies[2] == ConfigShowStandIn.checkNames)
        #expect(replies[3] == ["disk_root"])
        let calls = ConfigShowStandIn.calls(in: sandbox)
        #expect(calls.first == "--config \(config) --json config show")
        #expect(calls.last == "--json config show")
    }

    @Test func offersNoCheckNamesWithoutAConfig() async throws {
        // Without a config (or a tta-monitor at all) nothing is offered, and nothing is
        // printed over the user's command line: the completer fails on any stderr output.
        let replies = try await completer.complete([["tta-monitor", "check", ""]])
        #expect(replies[0].isEmpty)
    }

    private func expectOffered(_ cases: [CompletionCase], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let replies = try await completer.complete(cases.map(\.words))
        for (item, reply) in zip(cases, replies) {
            let missing = item.expected.filter { !reply.contains($0) }
            #expect(missing.isEmpty, "bash: \(item); missing \(missing), got \(reply)", sourceLocation: sourceLocation)
        }
    }
}
