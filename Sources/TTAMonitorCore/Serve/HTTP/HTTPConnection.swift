/// One client connection's state, touched only by the server's loop thread.
final class HTTPConnection {
    /// Distinguishes connections whose descriptor numbers were reused.
    let id: UInt64
    let fd: Int32
    /// Bytes read and not yet parsed: at most one read beyond a request's limits.
    var inbox: [UInt8] = []
    /// The answer being written, and how much of it has gone.
    var outbox: [UInt8] = []
    var written = 0
    /// A handler is working on this connection's request; the next one waits, so pipelined
    /// requests are answered in order.
    var busy = false
    /// Close once the outbox is written (HTTP/1.0, `Connection: close`, errors).
    var closeAfterWrite = false
    /// Lingering close: reading and discarding until this time, so the peer sees our answer
    /// rather than a reset caused by its unread bytes.
    var drainUntil: Int64?
    /// When the first byte of the request in progress arrived.
    var requestStartedAt: Int64?
    /// Last read or write.
    var lastActivity: Int64

    init(id: UInt64, fd: Int32, now: Int64) {
        self.id = id
        self.fd = fd
        lastActivity = now
    }

    var wantsRead: Bool { drainUntil != nil || (!busy && !closeAfterWrite && outbox.isEmpty) }
    var wantsWrite: Bool { written < outbox.count }

    /// When the loop must look at this connection again, if ever.
    func deadline(_ limits: HTTPServerLimits) -> Int64? {
        if let drainUntil { return drainUntil }
        if busy { return nil }
        if wantsWrite { return lastActivity + limits.writeTimeoutMs }
        if let requestStartedAt { return requestStartedAt + limits.requestTimeoutMs }
        return lastActivity + limits.idleTimeoutMs
    }
}
