import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CommandCheckTests {
    private func run(_ argv: [String], timeout: Duration = .seconds(10),
                     configure: (inout CommandCheckSpec) -> Void = { _ in }) async -> CheckResult {
        var spec = CommandCheckSpec(argv: argv)
        configure(&spec)
        return await CommandCheck.run(name: "script", spec: spec, timeout: timeout)
    }

    @Test(arguments: [(0, CheckStatus.ok), (1, .warning), (2, .critical), (3, .unknown)])
    func exitCodesMapLikeNagiosPlugins(code: Int, expected: CheckStatus) async {
        let result = await run(["/bin/sh", "-c", "echo '  queue depth 7 |depth=7;10;20;0;'; exit \(code)"])
        #expect(result.status == expected)
        #expect(result.kind == "command")
        #expect(result.message == "queue depth 7")
        #expect(result.details["exit_code"] == .int(Int64(code)))
        #expect(result.perfdata == [PerfdataItem(label: "depth", value: 7, warning: "10", critical: "20", minimum: 0)])
    }

    @Test func otherExitCodesAreUnknownWithTheOutput() async {
        let missing = await run(["/bin/sh", "-c", "no-such-command-tta"])
        #expect(missing.status == .unknown)
        #expect(missing.message.hasPrefix("exited with 127: "))
        #expect(missing.message.contains("not found"))
        #expect(missing.details["exit_code"] == .int(127))

        let four = await run(["/bin/sh", "-c", "exit 4"])
        #expect(four.status == .unknown)
        #expect(four.message == "exited with 4")
    }

    @Test func deathBySignalIsUnknown() async {
        let result = await run(["/bin/sh", "-c", "kill -9 $$"])
        #expect(result.status == .unknown)
        #expect(result.message == "killed by signal 9")
        #expect(result.details["signal"] == .int(9))
        #expect(result.details["exit_code"] == .null)
    }

    @Test func aProgramThatCannotStartIsUnknown() async throws {
        let missing = await run(["/no/such/program", "--flag"])
        #expect(missing.status == .unknown)
        #expect(missing.message == "cannot run /no/such/program: no such file or directory")

        let directory = try TemporaryDirectory()
        let notExecutable = try directory.write("plugin.sh", "echo hi\n")
        let denied = await run([notExecutable])
        #expect(denied.status == .unknown)
        #expect(denied.message == "cannot run \(notExecutable): permission denied")
    }

    @Test func argumentsReachTheProgramUntouchedByAnyShell() async {
        let result = await run(["/bin/echo", "$HOME; exit 2 `id` *"])
        #expect(result.status == .ok)
        #expect(result.message == "$HOME; exit 2 `id` *")
    }

    @Test func programsWithoutASlashAreLookedUpOnPath() async {
        let result = await run(["printf", "found on PATH"])
        #expect(result.status == .ok)
        #expect(result.message == "found on PATH")
    }

    @Test func silentSuccessSaysSoAndStdinIsEmpty() async {
        // cat would wait forever on an inherited terminal or pipe; /dev/null ends it at once.
        let result = await run(["/bin/cat"])
        #expect(result.status == .ok)
        #expect(result.message == "no output (exit 0)")
        #expect(result.details["output_bytes"] == .int(0))
    }

    @Test func onlyStdinStdoutAndStderrAreInherited() async throws {
        // Opened without close-on-exec, as libraries and embedding programs sometimes do.
        let descriptor = open("/dev/null", O_RDONLY)
        try #require(descriptor > 2)
        defer { close(descriptor) }
        let result = await run(["/bin/sh", "-c", "[ -e /proc/self/fd/\(descriptor) ] && echo leaked || echo clean"])
        #expect(result.message == "clean")
    }

    @Test func stderrIsPartOfTheOutput() async {
        let result = await run(["/bin/sh", "-c", "echo 'CRITICAL: broken' >&2; exit 2"])
        #expect(result.status == .critical)
        #expect(result.message == "broken")
    }

    @Test func environmentAndWorkingDirectoryArePassed() async throws {
        let directory = try TemporaryDirectory()
        let real = try #require(realpath(directory.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        // A value of its own, one that overrides the inherited one, and PATH still inherited.
        let result = await run(["/bin/sh", "-c", #"printf '%s %s %s %s' "$TTA_PROBE_VALUE" "$HOME" "$(pwd -P)" "${PATH:+path}""#]) { spec in
            spec.environment = ["TTA_PROBE_VALUE": "from config", "HOME": "/nonexistent-home"]
            spec.workingDirectory = directory.path
        }
        #expect(result.status == .ok)
        #expect(result.message == "from config /nonexistent-home \(real) path")
    }

    @Test func secretsFromTheEnvironmentAreMaskedInTheOutput() async {
        let result = await run(["/bin/sh", "-c", #"echo "login as admin:$DB_PASSWORD failed"; echo "token $API_TOKEN"; exit 2"#]) { spec in
            spec.environment = ["DB_PASSWORD": "hunter22", "API_TOKEN": "tok-123456", "REGION": "eu-west"]
        }
        #expect(result.status == .critical)
        #expect(result.message == "login as admin:******** failed")
        #expect(result.details["long_output"] == .string("token ********"))
    }

    @Test func aMissingWorkingDirectoryIsUnknown() async throws {
        let directory = try TemporaryDirectory()
        let result = await run(["/bin/true"]) { $0.workingDirectory = directory.file("gone") }
        #expect(result.status == .unknown)
        #expect(result.message == "cannot use working directory \(directory.file("gone")): no such file or directory")
    }

    @Test func longOutputAndPerfdataOnLaterLines() async {
        let script = """
            printf 'DISK OK - all fine | root=40%%;80;90\\nvolume /data ok\\nvolume /logs ok | data=10%%;80;90\\nlogs=20%%;80;90\\n'
            """
        let result = await run(["/bin/sh", "-c", script])
        #expect(result.message == "DISK OK - all fine")
        #expect(result.details["long_output"] == .string("volume /data ok\nvolume /logs ok "))
        #expect(result.perfdata.map(\.label) == ["root", "data", "logs"])
        #expect(result.perfdata.map(\.unit) == ["%", "%", "%"])
    }

    @Test func theFirstLineIsCutTo300Characters() async {
        let result = await run(["/bin/sh", "-c", "printf '%0500d\\n' 7"])
        #expect(result.message.count == 300)
        #expect(result.message.hasSuffix("…"))
    }

    @Test func theStatusWordIsNotRepeated() {
        #expect(CommandCheck.withoutStatusWord("WARNING: hello", status: .warning) == "hello")
        #expect(CommandCheck.withoutStatusWord("OK - fine", status: .ok) == "fine")
        #expect(CommandCheck.withoutStatusWord("OK", status: .ok) == "OK")
        #expect(CommandCheck.withoutStatusWord("OKAY then", status: .ok) == "OKAY then")
        #expect(CommandCheck.withoutStatusWord("WARNING: x", status: .critical) == "WARNING: x")
        #expect(CommandCheck.withoutStatusWord("LOAD OK - load 0.5", status: .ok) == "LOAD OK - load 0.5")
    }
}
