// libFuzzer harness for HTTPRequestParser, the parser serve's HTTP server runs on every
// byte a client sends. Build and run: see README.md beside this file.
//
// Beyond "never crashes", on every input: a failure is one of the statuses the server
// sends; a request consumed at least one byte and no more than it was given; the same
// request comes out when more bytes follow it (pipelining depends on that); and a parsed
// request written back out parses to the same request.

@_cdecl("LLVMFuzzerTestOneInput")
public func httpRequestFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = HTTPRequestLimits()
    switch HTTPRequestParser.parse(bytes[...], limits: limits) {
    case .incomplete:
        precondition(bytes.count < limits.headBytes + limits.bodyBytes + 4, "incomplete after \(bytes.count) bytes")
    case .failure(let failure):
        precondition([400, 413, 431, 501, 505].contains(failure.status), "unexpected status \(failure.status)")
        precondition(!failure.reason.isEmpty)
    case .request(let request, let consumed):
        precondition(consumed > 0 && consumed <= bytes.count, "consumed \(consumed) of \(bytes.count)")
        let followed = Array(bytes[..<consumed]) + Array("GET / HTTP/1.1\r\n".utf8)
        guard case .request(let again, let consumedAgain) = HTTPRequestParser.parse(followed[...], limits: limits) else {
            preconditionFailure("a request followed by more bytes no longer parses")
        }
        precondition(again == request && consumedAgain == consumed, "the next request's bytes changed this one")
        let written = render(request)
        guard case .request(let reparsed, let length) = HTTPRequestParser.parse(written[...], limits: limits) else {
            preconditionFailure("a rendered request does not parse: \(String(decoding: written, as: UTF8.self))")
        }
        precondition(reparsed == request && length == written.count, "a rendered request parses differently")
    }
    return 0
}

/// The request as a client would send it: CRLF lines, one `Content-Length`.
private func render(_ request: HTTPRequest) -> [UInt8] {
    var head = "\(request.method) \(request.path)\(request.query.map { "?" + $0 } ?? "") HTTP/1.\(request.minorVersion)\r\n"
    for (name, value) in request.headers { head += "\(name): \(value)\r\n" }
    head += "\r\n"
    return Array(head.utf8) + request.body
}
