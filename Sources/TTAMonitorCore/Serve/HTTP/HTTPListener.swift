#if canImport(Glibc)
import Glibc
#endif

/// The listening socket: non-blocking, close-on-exec (command checks must not inherit it),
/// SO_REUSEADDR so a restarted serve binds while old connections sit in TIME_WAIT.
enum HTTPListener {
    /// Why a listening socket could not be made, in words for the operator.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds and listens on `address`; returns the descriptor and the bound port.
    static func open(_ address: ServeListenAddress, backlog: Int32 = 511) throws(Failure) -> (fd: Int32, port: Int) {
        guard let family = ServeListenAddress.family(of: address.host) else { throw Failure(description: "not an address: \(address.host)") }
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var storage = sockaddr_storage()
        let length = withUnsafeMutableBytes(of: &storage) { raw -> socklen_t in
            if family == AF_INET {
                let pointer = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
                pointer.pointee.sin_family = sa_family_t(AF_INET)
                pointer.pointee.sin_port = UInt16(address.port).bigEndian
                inet_pton(AF_INET, address.host, &pointer.pointee.sin_addr)
                return socklen_t(MemoryLayout<sockaddr_in>.size)
            }
            let pointer = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
            pointer.pointee.sin6_family = sa_family_t(AF_INET6)
            pointer.pointee.sin6_port = UInt16(address.port).bigEndian
            inet_pton(AF_INET6, address.host, &pointer.pointee.sin6_addr)
            return socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot listen on \(address): \(reason)")
        }
        return (fd, boundPort(fd, family: family))
    }

    private static func boundPort(_ fd: Int32, family: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafeBytes(of: storage) { raw in
            family == AF_INET ? Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
                : Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
        }
    }
}
