import Testing

/// Completes command lines with fish's own `complete -C` and checks what the fish
/// completion offers, for every command, option and value of the command table.
@Suite(.enabled(if: FishCompleter.isAvailable, "fish is not installed"))
struct FishCompletionTests {
    let sandbox: DocsSandbox
    let completer: FishCompleter

    init() throws {
        sandbox = try DocsSandbox()
        completer = FishCompleter(sandbox: sandbox)
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
    }

    @Test func completesEveryCommand() async throws {
        try await expectOffered(CompletionCase.commands)
    }

    @Test func completesEveryOptionOfEveryCommand() async throws {
        try await expectOffered(CompletionCase.options)
    }

    @Test func completesTheAllowedValuesOfEveryOption() async throws {
        try await expectOffered(CompletionCase.values(equals: false) + CompletionCase.values(equals: true))
    }

    @Test func knowsTheCommandAfterAnOptionAndItsValue() async throws {
        try await expectOffered(CompletionCase.afterOptions)
    }

    @Test func completesCheckNamesFromTheConfig() async throws {
        try ConfigShowStandIn.install(in: sandbox)
        let config = sandbox.path + "/my config.yaml"
        let replies = try await completer.complete([
            ["tta-monitor", "--config", config, "check", ""],
            ["tta-monitor", "status", "--component", ""],
        ])
        #expect(Set(replies[0]) == Set(ConfigShowStandIn.checkNames))
        #expect(Set(replies[1]) == Set(ConfigShowStandIn.checkNames))
        let calls = ConfigShowStandIn.calls(in: sandbox)
        #expect(calls.first == "--config \(config) --json config show")
    }

    private func expectOffered(_ cases: [CompletionCase], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let replies = try await completer.complete(cases.map(\.words))
        for (item, reply) in zip(cases, replies) {
            let missing = item.expected.filter { !reply.contains($0) }
            #expect(missing.isEmpty, "fish: \(item); missing \(missing), got \(reply)", sourceLocation: sourceLocation)
        }
    }
}
