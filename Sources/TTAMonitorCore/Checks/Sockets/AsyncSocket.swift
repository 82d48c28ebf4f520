#if canImport(Glibc)
import Glibc
#endif

/// A connected, non-blocking TCP socket whose reads and writes suspend the task (never a
/// thread) through `PollReactor` until the socket is ready or the deadline passes.
///
/// One task owns a socket at a time. The descriptor is closed when the socket is released;
/// bytes read past a delimiter are kept for the next read.
public final class AsyncSocket {
    /// The numeric address actually connected to (`127.0.0.1`, `::1`).
    public let remoteAddress: String
    private var fd: Int32
    private var buffered: [UInt8] = []
    private let reactor: PollReactor

    private init(fd: Int32, remoteAddress: String, reactor: PollReactor) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.reactor = reactor
    }

    deinit {
        close()
    }

    /// Resolves `host` and connects to its addresses in turn until one accepts.
    ///
    /// A refused or unreachable address moves on to the next one; the deadline (shared by
    /// all of them) or a cancellation stops at once. The last address's error is thrown.
    public static func connect(
        host: String, port: Int, deadline: SocketDeadline, reactor: PollReactor = .shared
    ) async throws(SocketError) -> AsyncSocket {
        let addresses = try await HostResolver.resolve(host: host, port: port, deadline: deadline)
        var lastError = SocketError.unresolvedHost(host)
        for address in addresses {
            do throws(SocketError) {
                return try await connect(to: address, deadline: deadline, reactor: reactor)
            } catch {
                switch error {
                case .timedOut, .cancelled, .pollerUnavailable: throw error
                default: lastError = error
                }
            }
        }
        throw lastError
    }

    private static func connect(
        to address: SocketAddress, deadline: SocketDeadline, reactor: PollReactor
    ) async throws(SocketError) -> AsyncSocket {
        let type = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        let fd = Glibc.socket(address.family, type, Int32(IPPROTO_TCP))
        guard fd >= 0 else { throw .system(call: "socket", errno: errno) }
        // Owned from here on, so every early exit below closes the descriptor.
        let socket = AsyncSocket(fd: fd, remoteAddress: address.numericHost, reactor: reactor)
        let status = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if status != 0 {
            let code = errno
            // EINTR on a non-blocking connect leaves the handshake running, like EINPROGRESS.
            guard code == EINPROGRESS || code == EINTR else { throw .from(errno: code, call: "connect") }
            try await socket.waitUntil(.writable, deadline: deadline)
            var pending: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &pending, &length) == 0 else {
                throw .system(call: "getsockopt", errno: errno)
            }
            guard pending == 0 else { throw .from(errno: pending, call: "connect") }
        }
        // Probes are small request/reply exchanges: Nagle would only add latency.
        var noDelay: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return socket
    }

    /// Sends all of `bytes`, waiting for buffer space as needed. A peer that has gone away
    /// is reported as `connectionReset`; SIGPIPE is suppressed with `MSG_NOSIGNAL`.
    public func write(_ bytes: [UInt8], deadline: SocketDeadline) async throws(SocketError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                sent += count
                continue
            }
            let code = errno
            switch code {
            case EAGAIN, EWOULDBLOCK: try await waitUntil(.writable, deadline: deadline)
            case EINTR: continue
            default: throw .from(errno: code, call: "send")
            }
        }
    }

    /// Returns what is available, between 1 and `maxBytes` bytes, waiting for at least one.
    /// Throws `closedByPeer` at end of stream: callers read because they expect more.
    public func read(maxBytes: Int, deadline: SocketDeadline) async throws(SocketError) -> [UInt8] {
        precondition(maxBytes > 0, "maxBytes must be positive")
        if !buffered.isEmpty {
            let chunk = Array(buffered.prefix(maxBytes))
            buffered.removeFirst(chunk.count)
            return chunk
        }
        return try await receive(maxBytes: maxBytes, deadline: deadline)
    }

    /// Returns exactly `count` bytes (a fixed-size handshake reply, a length-prefixed frame).
    public func read(exactly count: Int, deadline: SocketDeadline) async throws(SocketError) -> [UInt8] {
        while buffered.count < count {
            buffered += try await receive(maxBytes: max(4_096, count - buffered.count), deadline: deadline)
        }
        let chunk = Array(buffered.prefix(count))
        buffered.removeFirst(count)
        return chunk
    }

    /// Returns the bytes up to and including the first `delimiter` (a line ending, say);
    /// bytes after it stay buffered. Throws `replyTooLong` when `maxBytes` arrive without it.
    public func read(
        until delimiter: [UInt8], maxBytes: Int = 65_536, deadline: SocketDeadline
    ) async throws(SocketError) -> [UInt8] {
        precondition(!delimiter.isEmpty, "delimiter must not be empty")
        var searchFrom = 0
        while true {
            if let end = Self.firstIndex(of: delimiter, in: buffered, from: searchFrom) {
                let chunk = Array(buffered[..<end])
                buffered.removeFirst(end)
                return chunk
            }
            guard buffered.count < maxBytes else { throw .replyTooLong(limit: maxBytes) }
            // Only the tail can still hold the start of a delimiter split across reads.
            searchFrom = max(0, buffered.count - delimiter.count + 1)
            buffered += try await receive(maxBytes: 4_096, deadline: deadline)
        }
    }

    /// Closes the descriptor now; later reads and writes fail. Called by `deinit` too.
    public func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }

    private func receive(maxBytes: Int, deadline: SocketDeadline) async throws(SocketError) -> [UInt8] {
        while true {
            var code: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: maxBytes) { buffer, initialized in
                let count = recv(fd, buffer.baseAddress, maxBytes, 0)
                code = count < 0 ? errno : 0
                initialized = max(0, count)
            }
            if !bytes.isEmpty { return bytes }
            switch code {
            case 0: throw .closedByPeer
            case EAGAIN, EWOULDBLOCK: try await waitUntil(.readable, deadline: deadline)
            case EINTR: continue
            default: throw .from(errno: code, call: "recv")
            }
        }
    }

    private func waitUntil(_ interest: PollReactor.Interest, deadline: SocketDeadline) async throws(SocketError) {
        guard fd >= 0 else { throw .system(call: "poll", errno: EBADF) }
        do throws(PollReactor.WaitError) {
            try await reactor.wait(until: interest, on: fd, deadline: deadline.instant)
        } catch {
            switch error {
            case .deadlinePassed: throw .timedOut(after: deadline.budget)
            case .cancelled: throw .cancelled
            case .unavailable: throw .pollerUnavailable
            }
        }
    }

    /// The index just past the first occurrence of `delimiter` at or after `start`.
    private static func firstIndex(of delimiter: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= delimiter.count else { return nil }
        var index = start
        while index + delimiter.count <= bytes.count {
            if bytes[index] == delimiter[0], bytes[index..<index + delimiter.count].elementsEqual(delimiter) {
                return index + delimiter.count
            }
            index += 1
        }
        return nil
    }
}
