/// `METHOD SP request-target SP HTTP/1.x`, the first line of a request.
enum HTTPRequestLine {
    /// The request with method, path, query and version set.
    static func parse(_ line: ArraySlice<UInt8>) -> Result<HTTPRequest, HTTPParseFailure> {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(.badRequest("malformed request line")) }
        let (method, target, version) = (parts[0], parts[1], parts[2])
        guard !method.isEmpty, method.count <= 16, method.allSatisfy(HTTPToken.isTokenByte) else {
            return .failure(.badRequest("malformed method"))
        }
        let minor: Int
        switch Array(version) {
        case Array("HTTP/1.1".utf8): minor = 1
        case Array("HTTP/1.0".utf8): minor = 0
        case let other where other.starts(with: Array("HTTP/".utf8)) && other.count == 8:
            return .failure(HTTPParseFailure(status: 505, reason: "only HTTP/1.0 and HTTP/1.1 are served"))
        default: return .failure(.badRequest("malformed HTTP version"))
        }
        // Origin form only: this server is nobody's proxy, and `*` is for OPTIONS, which it
        // does not serve.
        guard target.first == UInt8(ascii: "/"), target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(.badRequest("malformed request target"))
        }
        let text = String(decoding: target, as: UTF8.self)
        let path: String, query: String?
        if let mark = text.firstIndex(of: "?") {
            path = String(text[..<mark])
            query = String(text[text.index(after: mark)...])
        } else {
            (path, query) = (text, nil)
        }
        return .success(HTTPRequest(method: String(decoding: method, as: UTF8.self), path: path, query: query,
                                    minorVersion: minor, headers: [], body: []))
    }
}

/// RFC 9110 §5.6.2 token characters (method and header names).
enum HTTPToken {
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
