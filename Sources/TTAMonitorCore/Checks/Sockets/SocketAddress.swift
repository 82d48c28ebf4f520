#if canImport(Glibc)
import Glibc
#endif

/// One resolved address of a host: what `connect()` needs, and its numeric text for details.
struct SocketAddress: Sendable {
    /// `AF_INET` or `AF_INET6`.
    let family: Int32
    /// The numeric address without the port (`127.0.0.1`, `::1`).
    let numericHost: String
    private let storage: sockaddr_storage
    private let length: socklen_t

    /// Copies an address out of a `getaddrinfo` result.
    init?(_ info: addrinfo) {
        guard let address = info.ai_addr,
              info.ai_family == AF_INET || info.ai_family == AF_INET6,
              Int(info.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size
        else { return nil }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(info.ai_addrlen)))
        }
        self.family = info.ai_family
        self.storage = storage
        self.length = info.ai_addrlen
        self.numericHost = Self.numericText(of: address, length: info.ai_addrlen)
    }

    /// Calls `body` with the C view of the address.
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafeBytes(of: storage) { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    private static func numericText(of address: UnsafePointer<sockaddr>, length: socklen_t) -> String {
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else {
            return "?"
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
