import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct ListeningSocketsTests {
    @Test func ipv4ListenerLineIsDecoded() throws {
        let line: Substring = "   0: 0100007F:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 4242 1 0000000000000000 100 0 0 10 0"
        let socket = try #require(ListeningSockets.parse(line: line))
        #expect(socket.address == "127.0.0.1")
        #expect(socket.port == 6379)
        #expect(socket.inode == 4242)
    }

    @Test func wildcardIPv4AndIPv6AddressesDecode() {
        #expect(ListeningSockets.decodeAddress("00000000") == "0.0.0.0")
        #expect(ListeningSockets.decodeAddress("0100A8C0") == "192.168.0.1")
        #expect(ListeningSockets.decodeAddress("00000000000000000000000000000000") == "::")
        #expect(ListeningSockets.decodeAddress("00000000000000000000000001000000") == "::1")
        #expect(ListeningSockets.decodeAddress("0000000000000000FFFF00000100007F") == "127.0.0.1")
        #expect(ListeningSockets.decodeAddress("B80D0120000000000000000001000000") == "2001:db8::1")
        #expect(ListeningSockets.decodeAddress("XYZ") == nil)
    }

    @Test func onlyListenRowsOfATableAreKept() {
        let table = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0000000000000000 100 0 0 10 0
           1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0000000000000000 20 4 30 10 -1
        """
        let sockets = ListeningSockets.parse(table: table)
        #expect(sockets.map(\.address) == ["::"])
        #expect(sockets.map(\.port) == [8080])
        #expect(sockets.first?.probeHost == "::1")
    }

    @Test func ownListenerIsFoundWithThisProcessAsOwner() async throws {
        let listener = try LoopbackListener()
        let sockets = await BlockingCall.run { ListeningSockets.read() }
        let mine = try #require(sockets.first { $0.port == listener.port && $0.address == "127.0.0.1" })
        #expect(mine.pid == getpid())
        #expect(mine.process != nil)
    }
}
