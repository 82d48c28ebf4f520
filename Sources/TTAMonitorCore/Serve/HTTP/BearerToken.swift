/// The `Authorization: Bearer …` check, in constant time.
enum BearerToken {
    /// Whether `header` carries exactly `token`. The time taken depends only on the lengths,
    /// never on where the first wrong byte is, so the token cannot be guessed byte by byte.
    static func matches(_ header: String?, token: String) -> Bool {
        guard let header else { return false }
        let scheme = "bearer "
        guard header.utf8.count > scheme.utf8.count, header.lowercased().hasPrefix(scheme) else { return false }
        let offered = Array(header.utf8.dropFirst(scheme.utf8.count))
        return constantTimeEqual(offered, Array(token.utf8))
    }

    /// Byte equality whose time depends on `expected`'s length only.
    static func constantTimeEqual(_ offered: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: offered.count ^ expected.count)
        for index in 0..<expected.count {
            difference |= expected[index] ^ (index < offered.count ? offered[index] : 0)
        }
        return difference == 0 && offered.count == expected.count
    }
}
