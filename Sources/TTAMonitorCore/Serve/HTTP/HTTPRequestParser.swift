/// Bytes → one HTTP/1.x request, as a pure function: no socket, no clock, so the libFuzzer
/// harness (Tests/Fuzz/HTTPRequestFuzz) and the unit tests drive exactly what the server
/// runs. Strict where leniency lets two parsers disagree about framing (request smuggling):
/// no `Transfer-Encoding`, one `Content-Length`, no obsolete line folding, no space before a
/// header's colon. Lines may end in CRLF or a bare LF (RFC 9112 §2.2 allows accepting LF).
public enum HTTPRequestParser {
    /// Parses the request at the start of `bytes`.
    public static func parse(_ bytes: ArraySlice<UInt8>, limits: HTTPRequestLimits = HTTPRequestLimits()) -> HTTPParseOutcome {
        var start = bytes.startIndex
        // RFC 9112 §2.2: ignore empty lines before the request line (some clients send a
        // CRLF after a POST body).
        while start < bytes.endIndex, bytes[start] == cr || bytes[start] == lf, start - bytes.startIndex < limits.headBytes {
            start += 1
        }
        guard let headEnd = endOfHead(bytes, from: start, limit: limits.headBytes - (start - bytes.startIndex)) else {
            return bytes.endIndex - bytes.startIndex >= limits.headBytes
                ? .failure(HTTPParseFailure(status: 431, reason: "request line and headers are over \(limits.headBytes) bytes"))
                : .incomplete
        }
        var lines = HTTPLines(bytes[start..<headEnd.linesEnd])
        guard let requestLine = lines.next() else { return .failure(.badRequest("empty request")) }
        var request: HTTPRequest
        switch HTTPRequestLine.parse(requestLine) {
        case .success(let parsed): request = parsed
        case .failure(let failure): return .failure(failure)
        }
        while let line = lines.next() {
            guard request.headers.count < limits.headerFields else {
                return .failure(HTTPParseFailure(status: 431, reason: "more than \(limits.headerFields) header fields"))
            }
            switch HTTPHeaderLine.parse(line) {
            case .success(let field): request.headers.append(field)
            case .failure(let failure): return .failure(failure)
            }
        }
        if request.minorVersion == 1, request.header("host") == nil {
            return .failure(.badRequest("HTTP/1.1 request without a Host header"))
        }
        if request.header("transfer-encoding") != nil {
            return .failure(HTTPParseFailure(status: 501, reason: "Transfer-Encoding is not supported; send Content-Length"))
        }
        let length: Int
        switch contentLength(request, limits: limits) {
        case .success(let value): length = value
        case .failure(let failure): return .failure(failure)
        }
        let bodyStart = headEnd.bodyStart
        guard bytes.endIndex - bodyStart >= length else { return .incomplete }
        request.body = Array(bytes[bodyStart..<bodyStart + length])
        return .request(request, consumed: bodyStart + length - bytes.startIndex)
    }

    static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Where the header lines end and the body starts: after the first empty line. Looks no
    /// further than `limit` bytes, so a megabyte of header costs one bounded scan.
    static func endOfHead(_ bytes: ArraySlice<UInt8>, from start: Int, limit: Int) -> (linesEnd: Int, bodyStart: Int)? {
        let end = min(bytes.endIndex, start + max(0, limit))
        var index = start
        while index < end {
            if bytes[index] == lf {
                if index + 1 < end, bytes[index + 1] == lf { return (index + 1, index + 2) }
                if index + 2 < end, bytes[index + 1] == cr, bytes[index + 2] == lf { return (index + 1, index + 3) }
            }
            index += 1
        }
        return nil
    }

    /// The body length: 0 without `Content-Length`; digits only, the same value if repeated.
    static func contentLength(_ request: HTTPRequest, limits: HTTPRequestLimits) -> Result<Int, HTTPParseFailure> {
        let values = request.headers.filter { $0.name == "content-length" }.map(\.value)
        guard let first = values.first else { return .success(0) }
        guard values.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
              first.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let length = Int(first) else {
            return .failure(.badRequest("malformed Content-Length"))
        }
        guard length <= limits.bodyBytes else {
            return .failure(HTTPParseFailure(status: 413, reason: "body is over \(limits.bodyBytes) bytes"))
        }
        return .success(length)
    }
}

/// The lines of a request head, each without its CR/LF.
struct HTTPLines: IteratorProtocol {
    private var rest: ArraySlice<UInt8>

    init(_ head: ArraySlice<UInt8>) { rest = head }

    mutating func next() -> ArraySlice<UInt8>? {
        guard let newline = rest.firstIndex(of: HTTPRequestParser.lf) else { return nil }
        var line = rest[rest.startIndex..<newline]
        if line.last == HTTPRequestParser.cr { line = line.dropLast() }
        rest = rest[(newline + 1)...]
        return line
    }
}
