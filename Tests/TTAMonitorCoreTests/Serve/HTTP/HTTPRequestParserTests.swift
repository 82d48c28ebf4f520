import Testing
@testable import TTAMonitorCore

/// The request parser as a pure function: framing, limits and the smuggling refusals.
@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, limits: HTTPRequestLimits = HTTPRequestLimits()) -> HTTPParseOutcome {
        HTTPRequestParser.parse(Array(text.utf8)[...], limits: limits)
    }

    func status(_ text: String, limits: HTTPRequestLimits = HTTPRequestLimits()) -> Int? {
        if case .failure(let failure) = parse(text, limits: limits) { return failure.status }
        return nil
    }

    @Test func aSimpleRequestParsesWithItsHeadersQueryAndLength() throws {
        let text = "GET /api/v1/status?window=24h HTTP/1.1\r\nHost: x\r\nAccept: text/plain\r\n\r\nGET /next"
        guard case .request(let request, let consumed) = parse(text) else { Issue.record("not parsed"); return }
        #expect(request.method == "GET")
        #expect(request.path == "/api/v1/status")
        #expect(request.query == "window=24h")
        #expect(request.header("accept") == "text/plain")
        #expect(request.keepsAlive)
        #expect(consumed == text.utf8.count - "GET /next".utf8.count)
    }

    @Test func aBodyIsReadToItsContentLength() {
        guard case .request(let request, _) = parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello") else {
            Issue.record("not parsed"); return
        }
        #expect(request.body == Array("hello".utf8))
        #expect(parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhel") == .incomplete)
    }

    @Test func bareLineFeedsAndHTTP10AreAccepted() {
        guard case .request(let request, _) = parse("GET / HTTP/1.0\n\n") else { Issue.record("not parsed"); return }
        #expect(request.minorVersion == 0)
        #expect(!request.keepsAlive)
        guard case .request(let alive, _) = parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") else { Issue.record("not parsed"); return }
        #expect(alive.keepsAlive)
    }

    @Test func partialHeadsWaitForMore() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .incomplete)
        #expect(parse("") == .incomplete)
    }

    @Test func limitsGive431And413() {
        let big = "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + String(repeating: "a", count: 20_000)
        #expect(status(big) == 431)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n") == 413)
        let many = "GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        #expect(status(many) == 431)
    }

    @Test func ambiguousFramingIsRefused() {
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n") == 501)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") == 400)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\na") == 400)
        #expect(status("GET / HTTP/1.1\r\nHost : x\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\n\r\n") == 400)
    }

    @Test func garbageIsA400AndOtherVersionsA505() {
        #expect(status("\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n") == 400)
        #expect(status("GET http://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(status("GET / HTTP/2.0\r\nHost: x\r\n\r\n") == 505)
        #expect(status("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{01}b\r\n\r\n") == 400)
    }

    /// Found by HTTPRequestFuzz: a value starting with a combining mark kept its leading
    /// space once written back, because the space and the mark made one Character.
    @Test func headerValuesAreTrimmedAsBytes() {
        let text = "GET / HTTP/1.1\r\nHost: x\r\nX: \u{0BCD}a \r\n\r\n"
        guard case .request(let request, _) = parse(text) else { Issue.record("not parsed"); return }
        #expect(request.header("x") == "\u{0BCD}a")
    }

    @Test func theBearerTokenComparesWhole() {
        #expect(BearerToken.matches("Bearer s3cret", token: "s3cret"))
        #expect(BearerToken.matches("bearer s3cret", token: "s3cret"))
        #expect(!BearerToken.matches("Bearer s3cre", token: "s3cret"))
        #expect(!BearerToken.matches("Bearer s3cretX", token: "s3cret"))
        #expect(!BearerToken.matches("Basic s3cret", token: "s3cret"))
        #expect(!BearerToken.matches(nil, token: "s3cret"))
    }

    @Test func listenAddressesParseAndKnowLoopback() {
        #expect(ServeListenAddress("127.0.0.1:8977")?.isLoopback == true)
        #expect(ServeListenAddress("localhost:1")?.host == "127.0.0.1")
        #expect(ServeListenAddress("[::1]:8977")?.isLoopback == true)
        #expect(ServeListenAddress("0.0.0.0:8977")?.isLoopback == false)
        #expect(ServeListenAddress("[::]:80")?.isLoopback == false)
        #expect(ServeListenAddress("example.com:80") == nil)
        #expect(ServeListenAddress("127.0.0.1:70000") == nil)
        #expect(ServeListenAddress("127.0.0.1") == nil)
    }

    @Test func cursorsRoundTripAndRejectForgeries() {
        let position = ResultPageQuery.Position(ts: 1_700_000_000_123, id: 42)
        #expect(ResultCursor.decode(ResultCursor.encode(position)) == position)
        #expect(ResultCursor.decode("not a cursor") == nil)
        #expect(ResultCursor.decode(Base64URL.encode(Array("x:1:2".utf8))) == nil)
    }
}
