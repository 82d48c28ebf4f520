import Testing
@testable import TTAMonitorCore

@Suite struct PluginOutputTests {
    @Test func theGuidelinesExample() {
        let text = """
            DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968
            / 15272 MB (77%);
            /boot 68 MB (69%);
            /home 69357 MB (27%);
            /var/log 819 MB (84%); | /boot=68MB;88;93;0;98
            /home=69357MB;253404;253409;0;253414
            /var/log=818MB;970;975;0;980

            """
        let output = PluginOutput(parsing: text)
        #expect(output.message == "DISK OK - free space: / 3326 MB (56%);")
        #expect(output.longOutput == "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n/var/log 819 MB (84%); ")
        #expect(output.perfdata.map(\.label) == ["/", "/boot", "/home", "/var/log"])
        #expect(output.perfdata.last?.maximum == 980)
    }

    @Test func carriageReturnsAndBlankOutput() {
        #expect(PluginOutput(parsing: "OK - fine\r\nsecond\r\n").longOutput == "second")
        let empty = PluginOutput(parsing: "")
        #expect(empty.message == "")
        #expect(empty.longOutput == "")
        #expect(empty.perfdata == [])
        #expect(PluginOutput(parsing: "| a=1").message == "")
        #expect(PluginOutput(parsing: "| a=1").perfdata.count == 1)
    }

    @Test func longOutputIsCut() {
        let output = PluginOutput(parsing: "first\n" + String(repeating: "y", count: 10_000))
        #expect(output.longOutput.count == PluginOutput.longOutputLimit)
        #expect(output.longOutput.hasSuffix("…"))
    }
}
