import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct AsyncSocketTests {
    @Test func readsLinesSplitAcrossWritesAndKeepsTheRest() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            PeerIO.write(fd, "hel")
            usleep(30_000)
            PeerIO.write(fd, "lo\r")
            usleep(30_000)
            PeerIO.write(fd, "\nworld\r\nXYZ")
        }
        let deadline = SocketDeadline(after: .seconds(3))
        let socket = try await AsyncSocket.connect(host: "127.0.0.1", port: listener.port, deadline: deadline)
        #expect(socket.remoteAddress == "127.0.0.1")
        let crlf: [UInt8] = [13, 10]
        #expect(try await socket.read(until: crlf, deadline: deadline) == Array("hello\r\n".utf8))
        #expect(try await socket.read(until: crlf, deadline: deadline) == Array("world\r\n".utf8))
        #expect(try await socket.read(exactly: 3, deadline: deadline) == Array("XYZ".utf8))
        await #expect(throws: SocketError.closedByPeer) { try await socket.read(maxBytes: 10, deadline: deadline) }
    }

    @Test func echoesWhatItWrites() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in PeerIO.write(fd, PeerIO.read(fd)) }
        let deadline = SocketDeadline(after: .seconds(3))
        let socket = try await AsyncSocket.connect(host: "localhost", port: listener.port, deadline: deadline)
        try await socket.write(Array("PING\n".utf8), deadline: deadline)
        #expect(try await socket.read(exactly: 5, deadline: deadline) == Array("PING\n".utf8))
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try LoopbackListener.closedPort()
        await #expect(throws: SocketError.connectionRefused) {
            try await AsyncSocket.connect(host: "127.0.0.1", port: port, deadline: SocketDeadline(after: .seconds(2)))
        }
        #expect(SocketError.connectionRefused.description == "connection refused")
    }

    @Test func anUnknownHostIsReportedByName() async {
        let error = await #expect(throws: SocketError.self) {
            try await AsyncSocket.connect(host: "no-such-host.invalid", port: 80, deadline: SocketDeadline(after: .seconds(3)))
        }
        #expect(error?.description == "could not resolve host 'no-such-host.invalid'")
    }

    @Test func aSilentPeerTimesOutAtTheDeadline() async throws {
        let listener = try LoopbackListener()
        let deadline = SocketDeadline(after: .milliseconds(200))
        let socket = try await AsyncSocket.connect(host: "127.0.0.1", port: listener.port, deadline: deadline)
        let start = ContinuousClock.now
        let error = await #expect(throws: SocketError.self) { try await socket.read(maxBytes: 10, deadline: deadline) }
        #expect(error?.description == "timed out after 200 ms")
        // Generous upper bound: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(ContinuousClock.now - start < .milliseconds(1_500))
    }

    /// With the backlog full the kernel drops further SYNs, so connect() itself hangs.
    @Test func aConnectThatHangsTimesOut() async throws {
        let listener = try LoopbackListener(backlog: 0)
        let start = ContinuousClock.now
        let deadline = SocketDeadline(after: .milliseconds(300))
        var fillers: [AsyncSocket] = []
        var timedOut = false
        for _ in 0..<8 where !timedOut {
            do throws(SocketError) {
                fillers.append(try await AsyncSocket.connect(host: "127.0.0.1", port: listener.port, deadline: deadline))
            } catch {
                #expect(error == .timedOut(after: .milliseconds(300)))
                timedOut = true
            }
        }
        #expect(timedOut)
        // Generous upper bound: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(ContinuousClock.now - start < .milliseconds(2_000))
    }

    /// Writing to a peer that has gone must be an error, not SIGPIPE killing the process.
    @Test func writingToAClosedPeerIsAResetNotASignal() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            var linger = linger(l_onoff: 1, l_linger: 0)   // close with RST
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        }
        let deadline = SocketDeadline(after: .seconds(3))
        let socket = try await AsyncSocket.connect(host: "127.0.0.1", port: listener.port, deadline: deadline)
        try await socket.write([1], deadline: deadline)
        try await Task.sleep(for: .milliseconds(100))
        let chunk = [UInt8](repeating: 0x61, count: 65_536)
        let error = await #expect(throws: SocketError.self) {
            for _ in 0..<100 { try await socket.write(chunk, deadline: deadline) }
        }
        #expect(error == .connectionReset)
        #expect(error?.description == "connection reset by peer")
    }
}
