import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in Neo4j for the `neo4j` check's tests. Neo4j itself cannot be installed in CI, so
/// this peer speaks the real Bolt handshake as a server does, written from the Bolt handshake
/// specification independently of the check's own encoder: it reads the 20-byte handshake,
/// hangs up when the first four bytes are not its preamble, picks the first proposal it
/// supports — newest minor version first within a proposal's range, as Neo4j does — and
/// answers those four bytes, or `00 00 00 00` followed by a hang-up when none fits.
///
/// ```swift
/// let neo4j = try BoltTestServer(supporting: ["4.4", "5.0", "5.1", "5.2", "5.3", "5.4"])
/// // … run the check against 127.0.0.1:neo4j.port …
/// #expect(neo4j.handshakes == [expectedBytes])
/// ```
///
/// After agreeing it waits for the client to hang up (as a server waits for `HELLO`), for
/// five seconds at most. It stops listening when released.
final class BoltTestServer: Sendable {
    /// The preamble of every Bolt client.
    static let boltMagic: [UInt8] = [0x60, 0x60, 0xB0, 0x17]

    /// The port it listens on, on 127.0.0.1.
    var port: Int { listener.port }

    /// Every 20-byte handshake received so far (shorter when the client sent less).
    var handshakes: [[UInt8]] { received.handshakes.withLock { $0 } }

    private let listener: LoopbackListener
    private let received = ReceivedHandshakes()

    /// Listens; `supporting` lists the versions it speaks as `"major.minor"`; `magic` is the
    /// preamble it insists on (another one makes it a server of some other protocol).
    init(supporting versions: [String], magic: [UInt8] = BoltTestServer.boltMagic) throws {
        listener = try LoopbackListener()
        let supported = versions.map { text -> (major: UInt8, minor: UInt8) in
            let parts = text.split(separator: ".").map { UInt8($0)! }
            return (parts[0], parts[1])
        }
        let received = received
        listener.serve { fd in
            let handshake = Self.read(fd, count: 20)
            received.handshakes.withLock { $0.append(handshake) }
            guard handshake.count == 20, Array(handshake.prefix(4)) == magic else { return }
            let answer = Self.choose(from: Array(handshake.dropFirst(4)), supported: supported)
            PeerIO.write(fd, answer)
            if answer != [0, 0, 0, 0] {
                while !PeerIO.read(fd).isEmpty {}
            }
        }
    }

    /// The first proposal the server supports, as four answer bytes. Each proposal is
    /// `[0, range, minor, major]`: minor versions `minor` down to `minor - range`.
    private static func choose(from proposals: [UInt8], supported: [(major: UInt8, minor: UInt8)]) -> [UInt8] {
        for offset in stride(from: 0, to: 16, by: 4) {
            let range = Int(proposals[offset + 1]), minor = Int(proposals[offset + 2])
            let major = proposals[offset + 3]
            for candidate in stride(from: minor, through: max(0, minor - range), by: -1)
            where supported.contains(where: { $0.major == major && Int($0.minor) == candidate }) {
                return [0, 0, UInt8(candidate), major]
            }
        }
        return [0, 0, 0, 0]
    }

    /// Up to `count` bytes, fewer when the client stops sending or hangs up.
    private static func read(_ fd: Int32, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let chunk = PeerIO.read(fd, max: count - bytes.count)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }
}

/// What the connection threads saw, shared with the server without retaining it.
private final class ReceivedHandshakes: Sendable {
    let handshakes = Mutex<[[UInt8]]>([])
}
