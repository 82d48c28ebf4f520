import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A TCP listener on 127.0.0.1 with a port the kernel picked, for socket tests.
///
/// Left alone it is a "silent" target: the kernel completes handshakes into the backlog,
/// nothing is ever read or answered — what a hung server looks like from outside. `serve`
/// turns it into a scripted peer instead.
final class LoopbackListener: @unchecked Sendable {
    /// The bound port.
    let port: Int
    private let fd: Int32
    /// Closing twice would close whatever descriptor another test has opened with the same
    /// number in between; the flag makes `close()` (also called by `deinit`) run once.
    private let closed = Atomic<Bool>(false)

    /// Binds and listens; `backlog` 0 lets a test fill the queue to make connects hang.
    init(backlog: Int32 = 128) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, backlog) == 0
                    && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close() }

    /// Accepts connections on a background thread and runs `handler` for each on its own
    /// thread with a blocking descriptor (5 s receive timeout), closing it afterwards.
    func serve(_ handler: @escaping @Sendable (Int32) -> Void) {
        let fd = self.fd
        Thread.detachNewThread {
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                var timeout = timeval(tv_sec: 5, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                Thread.detachNewThread {
                    handler(client)
                    Glibc.close(client)
                }
            }
        }
    }

    /// Stops listening; `shutdown` wakes a thread blocked in `accept`.
    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    static func closedPort() throws -> Int {
        let listener = try LoopbackListener()
        let port = listener.port
        listener.close()
        return port
    }
}

/// Blocking helpers for `LoopbackListener.serve` handlers.
enum PeerIO {
    /// Up to `max` bytes; empty at end of stream or on the receive timeout.
    static func read(_ fd: Int32, max: Int = 65_536) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max)
        let count = recv(fd, &buffer, max, 0)
        return count > 0 ? Array(buffer.prefix(count)) : []
    }

    /// Sends everything, ignoring a peer that went away.
    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Sends `text` as UTF-8.
    static func write(_ fd: Int32, _ text: String) { write(fd, Array(text.utf8)) }
}
