/// What a `neo4j` check sends on the Bolt port, and how it reads the answer.
///
/// The client speaks first: the magic preamble `60 60 B0 17`, then exactly four version
/// proposals in order of preference; the server answers four bytes, the first proposal it
/// supports, or `00 00 00 00` and a hang-up when there is none. Nothing more is needed to
/// know that a Bolt server is there and which protocol it would speak; the check stops
/// there (no `HELLO`, so no credentials and no session on the server).
enum Neo4jBoltHandshake {
    /// The preamble that identifies a Bolt client.
    static let magic: [UInt8] = [0x60, 0x60, 0xB0, 0x17]

    /// The proposals, newest first, the way the official drivers lay them out: Bolt 5.0–5.8
    /// (Neo4j 5 and 202x), 4.2–4.4 (Neo4j 4.2–4.4), 4.0 (Neo4j 4.0/4.1, which predate
    /// ranges) and 3 (Neo4j 3.5). Newer servers still speak 5.x and agree on it.
    static let proposals: [Neo4jBoltVersion] = [
        Neo4jBoltVersion(major: 5, minor: 8, range: 8),
        Neo4jBoltVersion(major: 4, minor: 4, range: 2),
        Neo4jBoltVersion(major: 4, minor: 0),
        Neo4jBoltVersion(major: 3, minor: 0),
    ]

    /// The 20 bytes sent: preamble and proposals.
    static var request: [UInt8] { magic + proposals.flatMap(\.bytes) }

    /// How a server answered the handshake.
    enum Answer: Equatable {
        /// One of the proposed versions.
        case agreed(Neo4jBoltVersion)
        /// `00 00 00 00`: a Bolt server that speaks none of them.
        case noCommonVersion
        /// Four bytes that are neither: whatever listens is not a Bolt server.
        case foreign([UInt8])
    }

    /// Classifies the four bytes a server sent back.
    static func answer(_ bytes: [UInt8]) -> Answer {
        if bytes == [0, 0, 0, 0] { return .noCommonVersion }
        guard let version = Neo4jBoltVersion(answer: bytes),
              proposals.contains(where: { $0.covers(version) })
        else { return .foreign(bytes) }
        return .agreed(version)
    }

    /// `"HTTP"` when the bytes are printable ASCII (an HTTP or SMTP server's first word),
    /// else hex (`0x00000905`), for the "not a Bolt server" message.
    static func quoted(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
            return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        }
        let digits: [Character] = Array("0123456789abcdef")
        return "0x" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
