/// Shows URLs without the credentials people embed in them, and picks out their host.
enum URLRedaction {
    private static let authorityEnd: Set<UInt8> = Set("/?#\"'<> \t\r\n".utf8)

    /// Masks the userinfo of every `scheme://user:password@host` in `text` as `user:***@`.
    /// A user name without a password is masked whole (`***@`), since that slot often holds a
    /// token (`https://TOKEN@host`).
    static func masked(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index...].starts(with: "://".utf8) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            out.append(contentsOf: "://".utf8)
            index += 3
            let end = bytes[index...].firstIndex(where: authorityEnd.contains) ?? bytes.count
            if let at = bytes[index..<end].lastIndex(of: UInt8(ascii: "@")) {
                if let colon = bytes[index..<at].firstIndex(of: UInt8(ascii: ":")) {
                    out.append(contentsOf: bytes[index..<colon])
                    out.append(contentsOf: ":***".utf8)
                } else {
                    out.append(contentsOf: "***".utf8)
                }
                index = at
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The host of an absolute URL, without userinfo, port or IPv6 brackets.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...].prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        return authority.isEmpty ? nil : String(authority)
    }
}
