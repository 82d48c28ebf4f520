import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 9: a `${VAR}` value substituted into a command that `/bin/sh -c` runs is
/// data. Command substitution, backquotes, `;` and quotes inside it never run, and the value
/// reaches the command literally, wherever in the command text the reference stands.
@Suite(.serialized) struct HostileShellInterpolationTests {
    static let value = "a $(touch PWNED1) b; touch PWNED2 `touch PWNED3` 'q' \"d\" \\z $HOME end"

    @Test("command checks and the command channel get the value literally and run nothing from it")
    func valuesAreData() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - name: unquoted
                  type: command
                  command: printf '%s\\n' ${EVIL}
                - name: single
                  type: command
                  command: printf '%s\\n' '${EVIL}'
                - name: double
                  type: command
                  command: printf '%s\\n' "${EVIL}"
                - name: substitution
                  type: command
                  command: printf '%s\\n' "$(printf '%s' ${EVIL})"
                - name: backquotes
                  type: command
                  command: printf '%s\\n' "`printf '%s' ${EVIL}`"
                - name: default
                  type: command
                  command: printf '%s\\n' ${UNSET_HERE:-x;touch PWNED4}
                - name: list
                  type: command
                  command:
                    - /bin/sh
                    - -c
                    - printf '%s\\n' ${EVIL}
              alerts:
                channels:
                  - name: script
                    type: command
                    command: printf '%s' ${EVIL} > channel.txt

            """)
        let environment = ["EVIL": Self.value]
        let check = try await BinaryRunner.run(["--config", "tta.yaml", "--json", "check"], in: directory.path, environment: environment)
        #expect(check.code == 0, "\(check.out)\(check.err)")
        let document = try JSONParser.parse(check.out)
        guard case .array(let results)? = document["checks"] else {
            Issue.record("no results in \(check.out)"); return
        }
        #expect(results.count == 7)
        for result in results {
            guard case .string(let name)? = result["name"], case .string(let message)? = result["message"] else { continue }
            let expected = name == "default" ? "x;touch PWNED4" : Self.value
            #expect(message == expected, "\(name): \(message)")
        }

        let notify = try await BinaryRunner.run(["--config", "tta.yaml", "alerts", "notify-test", "script"],
                                                in: directory.path, environment: environment)
        #expect(notify.code == 0, "\(notify.err)")
        #expect((try? String(contentsOfFile: directory.file("channel.txt"), encoding: .utf8)) == Self.value)

        let planted = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("PWNED") }
        #expect(planted.isEmpty, "the value ran: \(planted)")
    }

    @Test("config show prints the quoted command, so what runs is visible")
    func configShow() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta.yaml", """
            monitoring:
              checks:
                - {name: c, type: command, command: "echo ${EVIL}"}

            """)
        let shown = try await BinaryRunner.run(["--config", "tta.yaml", "config", "show"], in: directory.path,
                                               environment: ["EVIL": "x; touch PWNED"])
        #expect(shown.code == 0, "\(shown.err)")
        #expect(shown.out.contains("echo 'x; touch PWNED'"), "\(shown.out)")
    }
}
