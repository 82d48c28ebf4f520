import Foundation
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// A `ServeState` over a database file and a loaded config, as serve's scheduler would
/// provide it.
struct FixedServeState: ServeState {
    var databasePath: String
    var config: MonitoringConfig
    var ready: ServeReadiness = .ready
    func configInForce() -> MonitoringConfig { config }
    func readiness() -> ServeReadiness { ready }
}

/// Collects log lines so tests can check that no secret is logged.
final class CapturedServeLog: ServeLogger, @unchecked Sendable {
    private let lines = NSLock()
    private var stored: [String] = []
    func log(_ level: ServeLogLevel, _ event: String, _ fields: [(String, String)]) {
        lines.lock()
        stored.append("\(level) \(event) " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        lines.unlock()
    }
    var all: [String] {
        lines.lock()
        defer { lines.unlock() }
        return stored
    }
}

/// An in-process server on a free loopback port.
struct ServeHTTPTestServer {
    let running: RunningServeHTTPServer
    let log: CapturedServeLog
    var port: Int { running.address.port }

    init(state: any ServeState, token: String? = nil, publicRead: Bool = false, host: String = "127.0.0.1",
         limits: HTTPServerLimits = HTTPServerLimits()) throws {
        var settings = ServeHTTPSettings(token: token, publicRead: publicRead)
        settings.limits = limits
        log = CapturedServeLog()
        running = try ServeHTTPServer.start(listen: ServeListenAddress(host: host, port: 0), settings: settings, state: state, logger: log)
    }

    /// A state over an empty (but migrated) database in `directory`.
    static func emptyState(in directory: TemporaryDirectory, config: String = "monitoring:\n  checks: []\n") throws -> FixedServeState {
        let path = directory.file("serve.db")
        _ = try Database(path: path)
        let configPath = try directory.write("tta_config.yaml", config)
        return FixedServeState(databasePath: path, config: try ConfigLoader(environment: [:]).load(path: configPath))
    }
}

/// A blocking loopback client that speaks raw bytes, to test what real clients do and
/// what they should not.
final class RawHTTPClient {
    let fd: Int32

    init(port: Int, timeoutSeconds: Int = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    /// Sends everything; false when the peer closed.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    private var buffer: [UInt8] = []

    /// One response (status, lowercased headers, body), or nil at end of stream/timeout.
    func readResponse() -> (status: Int, headers: [String: String], body: String)? {
        while true {
            if let response = takeResponse() { return response }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
        }
    }

    /// True when the server closed the connection (EOF or reset) within the timeout.
    func isClosedByServer() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    private func takeResponse() -> (status: Int, headers: [String: String], body: String)? {
        guard let end = buffer.indices.dropLast(3).first(where: {
            buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10
        }) else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        buffer.removeFirst(end + 4 + length)
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        return (status, headers, body)
    }

    /// One GET with keep-alive and its response.
    static func get(_ port: Int, _ path: String, headers: [String: String] = [:]) throws -> (status: Int, headers: [String: String], body: String)? {
        let client = try RawHTTPClient(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n" + headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "Connection: close\r\n\r\n")
        return client.readResponse()
    }
}
