import Testing
@testable import TTAMonitorCore

@Suite struct JSONTests {
    @Test func roundTripKeepsKeyOrder() throws {
        let text = #"{"b":1,"a":[true,null,"x\n\"y\""],"c":{"d":1.5}}"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.render(value, pretty: false) == text)
    }

    @Test(arguments: ["", "{", "[1,]", "01", "\"abc", "{\"a\" 1}", "tru", "1 2"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }
}
