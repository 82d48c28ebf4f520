import Testing
@testable import TTAMonitorCore

@Suite struct ServeLogFormatTests {
    @Test("logfmt quotes only what needs it and escapes quotes and backslashes")
    func logfmt() {
        let line = ServeLogFormat.logfmt.line([("event", "check_result"), ("message", #"said "no" \ twice"#), ("empty", "")])
        #expect(line == #"event=check_result message="said \"no\" \\ twice" empty="""#)
    }

    @Test("json is one object, fields in order")
    func json() {
        #expect(ServeLogFormat.json.line([("ts", "t"), ("level", "info")]) == #"{"ts":"t","level":"info"}"#)
    }

    @Test("the lock file's holder reads back what it wrote")
    func lockHolder() {
        let holder = ServeLockHolder(pid: 42, startedAt: 1_700_000_000_000, listen: "none")
        #expect(ServeLockHolder(text: holder.text) == holder)
        #expect(holder.summary == "pid 42, started 2023-11-14T22:13:20.000Z, no HTTP")
    }
}
