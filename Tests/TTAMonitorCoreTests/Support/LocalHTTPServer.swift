import Foundation
import Glibc
import Synchronization

/// A small real HTTP/1.1 server on 127.0.0.1 for tests, unit and end-to-end alike.
///
/// It binds port 0 (read `port` for the one the kernel chose) and serves each connection on
/// its own thread with keep-alive, so slow responses never hold up other clients. A handler
/// closure chooses every response; `standardRoutes()` is a ready-made one.
///
/// ```swift
/// let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
/// let url = server.url("/ok")              // http://127.0.0.1:PORT/ok
/// defer { server.stop() }                  // also happens when the server is released
/// ```
final class LocalHTTPServer: Sendable {
    /// A parsed request as the handler sees it.
    struct Request: Sendable {
        /// `GET`, `POST`, …
        var method: String
        /// The request target as sent: path and query (`/slow?ms=200`).
        var target: String
        /// The path without the query (`/slow`).
        var path: String
        /// Query parameters (`ms` → `200`); not percent-decoded.
        var query: [String: String]
        /// Headers by lower-cased name; repeated headers are joined with `, `.
        var headers: [String: String]
        /// The request body (`Content-Length` bodies only).
        var body: [UInt8]

        /// The body as UTF-8 text.
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// What the handler answers. `Content-Length` is added by the server.
    struct Response: Sendable {
        /// The status code.
        var status: Int
        /// Extra headers in order.
        var headers: [(name: String, value: String)]
        /// The body bytes (not sent for `HEAD`).
        var body: [UInt8]
        /// How long to wait before answering. Only this connection waits, and the wait ends
        /// early if the client hangs up (as a client that timed out does).
        var delay: Duration?

        /// A response with a UTF-8 text body.
        init(status: Int = 200, headers: [(name: String, value: String)] = [], body: String = "",
             delay: Duration? = nil) {
            self.init(status: status, headers: headers, bytes: Array(body.utf8), delay: delay)
        }

        /// A response with a binary body.
        init(status: Int = 200, headers: [(name: String, value: String)] = [], bytes: [UInt8],
             delay: Duration? = nil) {
            self.status = status
            self.headers = headers
            self.body = bytes
            self.delay = delay
        }

        /// A JSON response (`Content-Type: application/json`).
        static func json(_ text: String, status: Int = 200, delay: Duration? = nil) -> Response {
            Response(status: status, headers: [("Content-Type", "application/json")], body: text, delay: delay)
        }
    }

    /// Why the server could not start.
    struct StartError: Error, CustomStringConvertible {
        /// What failed, with `errno`'s text.
        var description: String
    }

    /// The port the server listens on, on 127.0.0.1.
    let port: Int
    private let state: LocalHTTPServerState

    /// Starts listening on 127.0.0.1 with a kernel-chosen port, or `port` when given (a
    /// receiver that comes back on the port it was down on). `handler` runs on the
    /// connection threads, possibly several at once.
    init(port: Int = 0, handler: @escaping @Sendable (Request) -> Response) throws {
        let listener = try Self.listeningSocket(port: port)
        self.port = listener.port
        state = LocalHTTPServerState(listenFD: listener.fd, handler: handler)
        let state = state
        Thread.detachNewThread { state.acceptConnections() }
    }

    deinit {
        state.stop()
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    func url(_ path: String = "/") -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Stops accepting and hangs up every open connection; safe to call more than once.
    func stop() {
        state.stop()
    }

    /// Requests answered so far.
    var requestCount: Int { state.requests.load(ordering: .relaxed) }

    /// Connections accepted so far (fewer than `requestCount` when clients keep them alive).
    var connectionCount: Int { state.connections.load(ordering: .relaxed) }

    /// A handler with the routes most tests need:
    /// `/ok` → 200 `{"status":"healthy"}`; `/error` → 500; `/slow?ms=N` → like `/ok` after N ms
    /// (default 1000); `/degraded` → 200 `{"status":"degraded"}`; `/redirect` → 302 to `/ok`;
    /// `/text` → 200 `plain text body`; anything else → 404.
    static func standardRoutes() -> @Sendable (Request) -> Response {
        { request in
            switch request.path {
            case "/ok":
                .json(#"{"status":"healthy"}"#)
            case "/error":
                .json(#"{"status":"error"}"#, status: 500)
            case "/slow":
                .json(#"{"status":"healthy"}"#, delay: .milliseconds(Int(request.query["ms"] ?? "") ?? 1_000))
            case "/degraded":
                .json(#"{"status":"degraded"}"#)
            case "/redirect":
                Response(status: 302, headers: [("Location", "/ok")])
            case "/text":
                Response(headers: [("Content-Type", "text/plain")], body: "plain text body")
            default:
                Response(status: 404, headers: [("Content-Type", "text/plain")], body: "not found")
            }
        }
    }

    /// A loopback port nothing listens on (bound, then closed), for "connection refused" tests.
    static func unusedPort() throws -> Int {
        let listener = try listeningSocket()
        close(listener.fd)
        return listener.port
    }

    private static func listeningSocket(port: Int = 0) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 512) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "bind 127.0.0.1:\(port): \(message)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// The server's shared state and connection loop, kept apart from `LocalHTTPServer` so the
/// threads never retain the server itself and releasing it stops them.
private final class LocalHTTPServerState: Sendable {
    private struct Sockets {
        var listenFD: Int32
        var open: Set<Int32> = []
        var stopped = false
    }

    let requests = Atomic<Int>(0)
    let connections = Atomic<Int>(0)
    private let sockets: Mutex<Sockets>
    private let listenFD: Int32
    private let handler: @Sendable (LocalHTTPServer.Request) -> LocalHTTPServer.Response

    init(listenFD: Int32, handler: @escaping @Sendable (LocalHTTPServer.Request) -> LocalHTTPServer.Response) {
        self.listenFD = listenFD
        self.handler = handler
        sockets = Mutex(Sockets(listenFD: listenFD))
    }

    /// Shutting sockets down (not closing them) wakes the threads blocked on them; each thread
    /// closes its own descriptor under the lock, so a number is never reused while in use here.
    func stop() {
        sockets.withLock { sockets in
            guard !sockets.stopped else { return }
            sockets.stopped = true
            shutdown(sockets.listenFD, Int32(SHUT_RDWR))
            for fd in sockets.open {
                shutdown(fd, Int32(SHUT_RDWR))
            }
        }
    }

    func acceptConnections() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            let registered = sockets.withLock { sockets in
                guard !sockets.stopped else { return false }
                sockets.open.insert(fd)
                return true
            }
            guard registered else {
                close(fd)
                break
            }
            connections.add(1, ordering: .relaxed)
            var yes: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            Thread.detachNewThread { self.serve(fd) }
        }
        sockets.withLock { _ in _ = close(listenFD) }
    }

    private func serve(_ fd: Int32) {
        var reader = LocalHTTPRequestReader(fd: fd)
        while let request = reader.next() {
            let response = handler(request)
            if let delay = response.delay, !waitUnlessHungUp(fd, delay) { break }
            requests.add(1, ordering: .relaxed)
            let keepAlive = request.headers["connection"]?.lowercased() != "close"
            guard sendAll(fd, Self.encode(response, for: request, keepAlive: keepAlive)), keepAlive else { break }
        }
        sockets.withLock { sockets in
            sockets.open.remove(fd)
            close(fd)
        }
    }

    /// Waits `delay`, returning false early if the peer hangs up or the server stops.
    private func waitUnlessHungUp(_ fd: Int32, _ delay: Duration) -> Bool {
        let deadline = ContinuousClock.now + delay
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return true }
            // POLLRDHUP (0x2000) is Linux's "peer closed"; Glibc's module does not export it.
            var entry = pollfd(fd: fd, events: Int16(0x2000), revents: 0)
            let ready = poll(&entry, 1, Int32(max(1, remaining.milliseconds)))
            if ready > 0 { return false }
            if ready < 0 && errno != EINTR { return false }
        }
    }

    private static func encode(_ response: LocalHTTPServer.Response, for request: LocalHTTPServer.Request,
                               keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for header in response.headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\n"
        if !keepAlive { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + (request.method == "HEAD" ? [] : response.body)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Writes every byte, without SIGPIPE when the client has gone.
private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if sent < 0 && errno == EINTR { continue }
        guard sent > 0 else { return false }
        offset += sent
    }
    return true
}

/// Reads HTTP/1.1 requests one after another from a keep-alive connection.
private struct LocalHTTPRequestReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)

    init(fd: Int32) { self.fd = fd }

    /// The next request; nil when the client closed the connection or sent nonsense.
    mutating func next() -> LocalHTTPServer.Request? {
        var headEnd = buffer.firstRange(of: Self.headerEnd)
        while headEnd == nil {
            guard buffer.count < 64 * 1024, fill() else { return nil }
            headEnd = buffer.firstRange(of: Self.headerEnd)
        }
        let lines = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
            .split(separator: "\r\n", omittingEmptySubsequences: false)
        buffer.removeSubrange(..<headEnd!.upperBound)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            guard sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Array(buffer.prefix(length))
        buffer.removeSubrange(..<length)
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            query[String(keyValue[0])] = keyValue.count > 1 ? String(keyValue[1]) : ""
        }
        return LocalHTTPServer.Request(method: String(requestLine[0]), target: target, path: String(parts[0]),
                                       query: query, headers: headers, body: body)
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }
}
