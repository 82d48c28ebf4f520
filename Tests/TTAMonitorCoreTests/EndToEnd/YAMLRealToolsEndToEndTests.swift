import Testing
@testable import TTAMonitorCore

/// YAML the way tools write it, through the real binary: a flow sequence closed at its key's
/// indentation and a block scalar at the end of the file run; a YAML 1.1 integer says what
/// to write instead.
@Suite struct YAMLRealToolsEndToEndTests {
    @Test func aClosingBracketAtTheKeysIndentationAndABlockScalarAtTheEndOfTheFileRun() async throws {
        let directory = try TemporaryDirectory()
        // No newline after the last line, as some workflow files and manifests end.
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: echo
                  type: command
                  command: [
                    "/bin/sh", "-c", "echo fine"
                  ]
                  description: |
                    The last line of the file
            """)
        let run = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(run.code == 0, "\(run.out)\(run.err)")
        #expect(run.out.contains("echo"), "\(run.out)")
    }

    @Test func aYAML11IntegerSaysWhatToWrite() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: echo, type: command, command: "true", failure_threshold: 1_0}
            """)
        let run = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(run.code == 78)
        #expect(run.err.contains("must be a whole number: '1_0' is a YAML 1.1 spelling; write 10"), "\(run.err)")
    }
}
