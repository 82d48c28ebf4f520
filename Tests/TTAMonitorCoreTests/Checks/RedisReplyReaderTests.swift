import Testing
@testable import TTAMonitorCore

@Suite struct RedisReplyReaderTests {
    private func replies(_ chunks: [String]) throws -> [RedisReply] {
        var reader = RedisReplyReader()
        var found: [RedisReply] = []
        for chunk in chunks {
            reader.append(Array(chunk.utf8))
            while let reply = try reader.next() { found.append(reply) }
        }
        return found
    }

    @Test func readsEveryRESP2Type() throws {
        let wire = "+PONG\r\n-ERR no\r\n:42\r\n$5\r\nhello\r\n$-1\r\n*2\r\n:1\r\n*1\r\n+x\r\n*-1\r\n$0\r\n\r\n"
        #expect(try replies([wire]) == [
            .simpleString("PONG"), .error("ERR no"), .integer(42), .bulkString(Array("hello".utf8)),
            .bulkString(nil), .array([.integer(1), .array([.simpleString("x")])]), .array(nil),
            .bulkString([]),
        ])
    }

    /// Every split point of every reply must give the same result as reading it whole.
    @Test(arguments: ["+PONG\r\n", "$12\r\nhello\r\nworld\r\n", "*3\r\n$1\r\na\r\n:-7\r\n$-1\r\n"])
    func partialReadsWaitForTheRest(wire: String) throws {
        let whole = try replies([wire])
        #expect(whole.count == 1)
        let bytes = Array(wire.utf8)
        for split in 1..<bytes.count {
            var reader = RedisReplyReader()
            reader.append(Array(bytes[..<split]))
            #expect(try reader.next() == nil, "complete after \(split) of \(bytes.count) bytes")
            reader.append(Array(bytes[split...]))
            #expect(try reader.next() == whole.first)
            #expect(try reader.next() == nil)
        }
    }

    @Test func aBulkStringSplitAcrossManyReads() throws {
        let body = String(repeating: "k:v\r\n", count: 2_000)
        let wire = "$\(body.utf8.count)\r\n\(body)\r\n+OK\r\n"
        let chunks = stride(from: 0, to: wire.utf8.count, by: 700).map { start in
            String(decoding: Array(wire.utf8)[start..<min(start + 700, wire.utf8.count)], as: UTF8.self)
        }
        #expect(try replies(chunks) == [.bulkString(Array(body.utf8)), .simpleString("OK")])
    }

    @Test func somethingElseIsRejectedWithItsFirstByte() {
        var reader = RedisReplyReader()
        reader.append(Array("HTTP/1.1 400\r\n".utf8))
        #expect(throws: RedisProtocolError.unexpectedType(UInt8(ascii: "H"))) { try reader.next() }
    }

    @Test(arguments: ["$abc\r\n", ":1x\r\n", "*-5\r\n", "$999999999999\r\n"])
    func badNumbersAreRejected(wire: String) {
        var reader = RedisReplyReader()
        reader.append(Array(wire.utf8))
        #expect(throws: RedisProtocolError.invalidNumber) { try reader.next() }
    }

    @Test func aBulkStringWithoutItsTerminatorIsRejected() {
        var reader = RedisReplyReader()
        reader.append(Array("$2\r\nabXY".utf8))
        #expect(throws: RedisProtocolError.missingTerminator) { try reader.next() }
    }

    @Test func commandsAreArraysOfBulkStrings() {
        #expect(RedisReply.encodeCommand(["AUTH", "p w"]) == Array("*2\r\n$4\r\nAUTH\r\n$3\r\np w\r\n".utf8))
    }
}
