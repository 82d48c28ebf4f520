import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// The `postgres` check against scripted peers, for answers a test cannot get a real server
/// to give on demand (SSL offered, starting up, full) and for things that are not PostgreSQL.
/// The scripted bytes are those PostgreSQL 15 sends.
@Suite struct PostgresCheckProtocolTests {
    private static let sslRequest: [UInt8] = [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F]

    /// An `ErrorResponse` with the fields PostgreSQL sends for a connection it turns away.
    private static func errorResponse(sqlstate: String, message: String) -> [UInt8] {
        var body: [UInt8] = []
        for (code, value) in [("S", "FATAL"), ("V", "FATAL"), ("C", sqlstate), ("M", message),
                              ("F", "postmaster.c"), ("L", "2420"), ("R", "ProcessStartupPacket")] {
            body += Array(code.utf8) + Array(value.utf8) + [0]
        }
        body.append(0)
        return [UInt8(ascii: "E")] + bigEndian(body.count + 4) + body
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Reads `count` bytes (fewer at end of stream).
    private static func read(_ fd: Int32, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let chunk = PeerIO.read(fd, max: count - bytes.count)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }

    /// A peer that declines SSL, records the startup message, and answers `reply`.
    private static func decliningSSL(answering reply: [UInt8]) throws -> (LoopbackListener, StartupLog) {
        let listener = try LoopbackListener()
        let log = StartupLog()
        listener.serve { fd in
            guard read(fd, count: 8) == sslRequest else { return }
            PeerIO.write(fd, "N")
            let length = read(fd, count: 4)
            guard length.count == 4 else { return }
            let size = length.reduce(0) { $0 << 8 | Int($1) }
            log.bytes.withLock { $0 = length + read(fd, count: size - 4) }
            PeerIO.write(fd, reply)
        }
        return (listener, log)
    }

    private func spec(_ port: Int) -> PostgresCheckSpec {
        PostgresCheckSpec(host: "127.0.0.1", port: port)
    }

    /// A peer like Debian's default server (ssl=on): `S` to SSLRequest on the first
    /// connection, then `reply` to a plain startup message on the second.
    private static func offeringSSL(thenAnswering reply: [UInt8]) throws -> (LoopbackListener, StartupLog) {
        let listener = try LoopbackListener()
        let log = StartupLog()
        listener.serve { fd in
            let head = read(fd, count: 8)
            if head == sslRequest {
                PeerIO.write(fd, "S")
                // A TLS ClientHello would come next; the check hangs up instead.
                _ = PeerIO.read(fd)
                return
            }
            guard head.count == 8 else { return }
            let size = head.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            log.bytes.withLock { $0 = head + read(fd, count: size - 8) }
            PeerIO.write(fd, reply)
        }
        return (listener, log)
    }

    @Test func sslOfferedStartsUpAgainInPlainText() async throws {
        let sasl: [UInt8] = [UInt8(ascii: "R")] + Self.bigEndian(4 + 4 + 14 + 1) + Self.bigEndian(10)
            + Array("SCRAM-SHA-256".utf8) + [0, 0]
        let (listener, log) = try Self.offeringSSL(thenAnswering: sasl)
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.message.hasPrefix("PostgreSQL accepts connections (auth: SCRAM-SHA-256, SSL available) in "))
        #expect(result.details["ssl_available"] == .bool(true))
        // The second connection carried a protocol 3.0 startup message, not another SSLRequest.
        #expect(log.bytes.withLock { Array($0.dropFirst(4).prefix(4)) } == [0, 3, 0, 0])
    }

    @Test func serverDemandingSSLCountsAsUp() async throws {
        let refusal = Self.errorResponse(sqlstate: "28000",
            message: "no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", database \"postgres\", no encryption")
        let (listener, _) = try Self.offeringSSL(thenAnswering: refusal)
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.message.hasPrefix("PostgreSQL accepts connections (auth: SSL required, SSL available) in "))
    }

    @Test func missingDatabaseIsSeenBehindSSL() async throws {
        let refusal = Self.errorResponse(sqlstate: "3D000", message: "database \"nope\" does not exist")
        let (listener, _) = try Self.offeringSSL(thenAnswering: refusal)
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "PostgreSQL refused: FATAL 3D000 database \"nope\" does not exist")
    }

    @Test func theStartupMessageNamesUserDatabaseAndApplication() async throws {
        let (listener, log) = try Self.decliningSSL(
            answering: Self.errorResponse(sqlstate: "57P03", message: "the database system is starting up"))
        var spec = spec(listener.port)
        spec.user = "monitor"
        spec.database = "app"
        let result = await PostgresCheck.run(name: "db", spec: spec, timeout: .seconds(2))
        #expect(result.status == .warning)
        #expect(result.message == "PostgreSQL refused: FATAL 57P03 the database system is starting up")
        #expect(result.details["sqlstate"] == .string("57P03"))
        #expect(result.details["ssl_available"] == .bool(false))
        let body = Array("user\0monitor\0database\0app\0application_name\0tta-monitor\0\0".utf8)
        #expect(log.bytes.withLock { $0 } == Self.bigEndian(body.count + 8) + [0, 3, 0, 0] + body)
    }

    @Test func tooManyConnectionsIsCritical() async throws {
        let (listener, _): (LoopbackListener, StartupLog) = try Self.decliningSSL(
            answering: Self.errorResponse(sqlstate: "53300", message: "sorry, too many clients already"))
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "PostgreSQL refused: FATAL 53300 sorry, too many clients already")
    }

    @Test func md5IsNamed() async throws {
        let request: [UInt8] = [UInt8(ascii: "R"), 0, 0, 0, 12, 0, 0, 0, 5, 0x1A, 0x2B, 0x3C, 0x4D]
        let (listener, _): (LoopbackListener, StartupLog) = try Self.decliningSSL(answering: request)
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.details["auth_method"] == .string("md5"))
    }

    @Test func anHTTPServerIsNotPostgreSQL() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            PeerIO.write(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "not a PostgreSQL server: it answered 'H' to SSLRequest")
        #expect(result.details == .object([]))
    }

    @Test func garbageAfterDecliningSSLIsNotPostgreSQL() async throws {
        let (listener, _): (LoopbackListener, StartupLog) = try Self.decliningSSL(answering: Array("+OK ready\r\n".utf8))
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("not a PostgreSQL server: "))
    }

    @Test func aPeerThatHangsUpIsNotPostgreSQL() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in _ = PeerIO.read(fd) }
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "not a PostgreSQL server: the connection was closed without an answer to SSLRequest")
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let result = await PostgresCheck.run(name: "db", spec: spec(port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
    }

    @Test func aServerThatNeverAnswersTimesOutOnTime() async throws {
        let listener = try LoopbackListener()
        let start = ContinuousClock.now
        let result = await PostgresCheck.run(name: "db", spec: spec(listener.port), timeout: .milliseconds(300))
        let elapsed = ContinuousClock.now - start
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms during SSLRequest")
        #expect(elapsed >= .milliseconds(300))
        // Generous: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(elapsed < .seconds(2))
    }

    @Test func anImpossiblePortIsUnknown() async {
        let result = await PostgresCheck.run(name: "db", spec: spec(70_000), timeout: .seconds(1))
        #expect(result.status == .unknown)
        #expect(result.message == "invalid port 70000")
    }
}

/// What a scripted peer's connection thread saw, for the test to inspect.
private final class StartupLog: Sendable {
    let bytes = Mutex<[UInt8]>([])
    let done = Mutex(false)
}
