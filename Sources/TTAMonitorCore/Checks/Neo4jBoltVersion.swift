/// A Bolt protocol version as the handshake encodes it: one big-endian 32-bit word laid out
/// `[reserved 0, range, minor, major]` (Bolt 4.1 is `00 00 01 04`).
///
/// `range` asks for `minor` or any of the `range` minor versions below it (Bolt 4.3, backported
/// to servers speaking 4.2): `00 08 08 05` offers 5.8 down to 5.0 in one of the four slots. A
/// server answers with one exact version, whose range byte is zero.
struct Neo4jBoltVersion: Sendable, Equatable, CustomStringConvertible {
    /// The major version (3, 4, 5 …).
    let major: UInt8
    /// The highest minor version meant.
    let minor: UInt8
    /// How many minor versions below `minor` are acceptable as well.
    let range: UInt8

    init(major: UInt8, minor: UInt8, range: UInt8 = 0) {
        self.major = major
        self.minor = minor
        self.range = min(range, minor)
    }

    /// Decodes a server's four-byte answer; nil for anything that is not a single version
    /// (a zero major, a range, or a reserved byte set), which no Bolt server sends.
    init?(answer bytes: [UInt8]) {
        guard bytes.count == 4, bytes[0] == 0, bytes[1] == 0, bytes[3] != 0 else { return nil }
        self.init(major: bytes[3], minor: bytes[2])
    }

    /// The four bytes on the wire.
    var bytes: [UInt8] { [0, range, minor, major] }

    /// Whether `version` is one of those this proposal offers.
    func covers(_ version: Neo4jBoltVersion) -> Bool {
        version.major == major && version.minor <= minor && version.minor >= minor - range
    }

    /// `5.4`; a proposal with a range reads `5.0-5.8`.
    var description: String {
        range == 0 ? "\(major).\(minor)" : "\(major).\(minor - range)-\(major).\(minor)"
    }
}
