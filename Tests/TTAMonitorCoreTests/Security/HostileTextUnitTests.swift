import Foundation
import Testing
@testable import TTAMonitorCore

/// The pieces behind items 4, 8 and 9, tested directly.
@Suite struct HostileTextUnitTests {
    @Test("control characters become visible pictures; printable text is returned unchanged")
    func terminalSafeText() {
        #expect(TerminalSafeText.neutralise("HTTP 200 in 3 ms") == "HTTP 200 in 3 ms")
        #expect(TerminalSafeText.neutralise("café ✓") == "café ✓")
        #expect(TerminalSafeText.neutralise("\u{1B}]0;t\u{07}\u{1B}[2J\r\u{08}\u{7F}") == "␛]0;t␇␛[2J␍␈␡")
        #expect(TerminalSafeText.neutralise("a\tb\nc") == "a b␊c")
        #expect(TerminalSafeText.neutralise("a\tb\nc\u{1B}", keepingLayout: true) == "a\tb\nc␛")
        #expect(TerminalSafeText.neutralise("x\u{9B}y\u{202E}z\u{2066}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    }

    @Test("a table keeps the tool's own colour around a cell and neutralises everything else")
    func tableCells() {
        let style = TerminalStyle(isTerminal: true, environment: ["TERM": "xterm"], noColorFlag: false)
        var table = TextTable(headers: ["A", "B"])
        table.add([style.status(.critical), "\u{1B}[2Jx"])
        table.add(["\u{1B}[31m\u{1B}]0;t\u{07}\u{1B}[0m", "ok"])
        let text = table.render()
        #expect(text.contains("\u{1B}[31mCRITICAL\u{1B}[0m"))
        #expect(text.contains("␛[2Jx"))
        #expect(text.contains("\u{1B}[31m␛]0;t␇\u{1B}[0m"))
        #expect(!text.contains("\u{1B}[2J") && !text.contains("\u{1B}]"))
    }

    @Test("JSON output escapes DEL, C1 controls and bidi overrides, and parses back to the same value")
    func jsonEscapes() throws {
        let value = JSONValue.string("a\u{7F}b\u{9B}c\u{202E}d\u{2069}é")
        let text = JSONWriter.render(value)
        #expect(text == #""a\u007fb\u009bc\u202ed\u2069é""#)
        #expect(try JSONParser.parse(text) == value)
    }

    @Test("formula-like CSV cells get a leading quote; numbers do not",
          arguments: [("=1+1", true), ("+A1", true), ("-A1", true), ("@SUM(A1)", true), ("\tx", true),
                      ("-1.5", false), ("+3", false), ("-2e-3", false), ("-", true), ("-.5", false), ("-1e", true),
                      ("a=b", false), ("", false), ("1-2", false)])
    func csvFormulaGuard(cell: String, prefixed: Bool) {
        var text = cell
        let result = text.withUTF8 { CSVFormulaGuard.needsPrefix(UnsafeRawBufferPointer($0)) }
        #expect(result == prefixed, "\(cell.debugDescription)")
    }

    @Test("a shell command's ${VAR} value comes back literally from /bin/sh in every quoting context",
          arguments: [("P ${V}", "", ""), ("P '${V}'", "", ""), ("P \"${V}\"", "", ""),
                      ("P \"$(printf '%s' ${V})\"", "", ""), ("P \"$(printf '%s' \"${V}\")\"", "", ""),
                      ("P \"`printf '%s' ${V}`\"", "", ""), ("P 'a'\"${V}\"'b'", "a", "b"), ("P \\'${V}", "'", ""),
                      ("P \"x'${V}'y\"", "x'", "'y"), ("P '${V}'${V}", "", "VALUE")])
    func shellQuoting(template: String, prefix: String, suffix: String) throws {
        let value = "x $(echo RAN) `echo RAN` ; echo RAN 'q' \"d\" \\ $HOME * end"
        let shellText = template.replacingOccurrences(of: "P ", with: "printf '%s\\n' ")
        let command = try EnvironmentInterpolation(environment: ["V": value]).expandShellCommand(shellText)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ["HOME": "/nonexistent-home", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var output = String(decoding: data, as: UTF8.self)
        if output.hasSuffix("\n") { output.removeLast() }
        let expected = prefix + value + (suffix == "VALUE" ? value : suffix)
        #expect(output == expected, "\(command)")
    }
}
