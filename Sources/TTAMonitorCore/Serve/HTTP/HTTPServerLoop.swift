#if canImport(Glibc)
import Glibc
#endif

/// The server's one I/O thread: poll() over the listening socket, a wake pipe and every
/// connection; reads, parses, hands whole requests to `HTTPWorkers`, writes their answers.
///
/// A dedicated thread with its own poll() rather than `PollReactor`: the reactor serves
/// probes in the async world (continuations resumed per readiness event), while a server
/// needs an accept loop, per-connection buffers and deadlines that are cheaper to keep in
/// one plain loop; and a thread of its own keeps HTTP load from ever delaying a probe.
final class HTTPServerLoop: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// An answer a worker finished: connection id, response, keep-alive, HEAD.
    private typealias Finished = (id: UInt64, response: HTTPResponse, keepAlive: Bool, headOnly: Bool)

    private let listener: Int32
    private let wakeRead: Int32, wakeWrite: Int32
    private let limits: HTTPServerLimits
    private let handler: Handler
    private let workers: HTTPWorkers
    private let finished = ConditionLock<(answers: [Finished], stopping: Bool)>(([], false))
    /// Loop-thread state.
    private var connections: [UInt64: HTTPConnection] = [:]
    private var nextID: UInt64 = 1
    private var acceptPausedUntil: Int64 = 0
    private var readBuffer = [UInt8](repeating: 0, count: 65_536)

    init(listener: Int32, limits: HTTPServerLimits, handler: @escaping Handler) throws(HTTPListener.Failure) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw HTTPListener.Failure(description: "cannot create a pipe") }
        for fd in fds { Self.makeNonBlockingCloseOnExec(fd) }
        (wakeRead, wakeWrite) = (fds[0], fds[1])
        self.listener = listener
        self.limits = limits
        self.handler = handler
        workers = HTTPWorkers(count: limits.workerThreads)
    }

    /// Asks the loop to end; `run` returns soon after.
    func stop() {
        finished.withLock { $0.stopping = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Runs until `stop`; closes every descriptor it owns on the way out.
    func run() {
        while !finished.withLock({ $0.stopping }) {
            let now = MonotonicClock.nowMilliseconds()
            var polled: [pollfd] = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let accepting = now >= acceptPausedUntil
            if accepting { polled.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
            var order: [HTTPConnection] = []
            var nextDeadline = now + 1_000
            for connection in connections.values {
                var events: Int16 = 0
                if connection.wantsRead { events |= Int16(POLLIN) }
                if connection.wantsWrite { events |= Int16(POLLOUT) }
                if let deadline = connection.deadline(limits) { nextDeadline = min(nextDeadline, deadline) }
                // A busy connection is not polled at all (fd -1): its hang-up would otherwise
                // wake poll() again and again until the handler finishes.
                polled.append(pollfd(fd: events == 0 ? -1 : connection.fd, events: events, revents: 0))
                order.append(connection)
            }
            if !accepting { nextDeadline = min(nextDeadline, acceptPausedUntil) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(max(0, min(1_000, nextDeadline - now))))
            if ready < 0, errno != EINTR { break }
            if polled[0].revents != 0 { drainWakePipe() }
            deliverFinished()
            if accepting, polled[1].revents != 0 { acceptAll() }
            let offset = accepting ? 2 : 1
            for (index, connection) in order.enumerated() where connections[connection.id] != nil {
                let events = polled[offset + index].revents
                if events & Int16(POLLIN | POLLHUP | POLLERR) != 0, connection.wantsRead { readFrom(connection) }
                else if events & Int16(POLLHUP | POLLERR) != 0, !connection.busy { closeConnection(connection) }
                if connections[connection.id] != nil, events & Int16(POLLOUT) != 0 { writeTo(connection) }
            }
            enforceDeadlines(MonotonicClock.nowMilliseconds())
        }
        for connection in connections.values { close(connection.fd) }
        connections = [:]
        workers.stop()
        close(listener)
        close(wakeRead)
        close(wakeWrite)
    }

    static func makeNonBlockingCloseOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &bytes, bytes.count) > 0 {}
    }

    private func acceptAll() {
        for _ in 0..<64 {
            // accept4 is not in Swift's Glibc module, so close-on-exec follows in the next
            // call: a command check spawned in that instant could inherit the socket.
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                // Out of descriptors: leave the queue to the kernel for a moment rather than
                // spinning on a listener that stays readable.
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    acceptPausedUntil = MonotonicClock.nowMilliseconds() + 100
                }
                return
            }
            guard connections.count < limits.maxConnections else {
                let busy = APIResponse.error(503, "too_many_connections", "the server is at its connection limit; try again")
                _ = busy.serialized(keepAlive: false).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(fd)
                continue
            }
            Self.makeNonBlockingCloseOnExec(fd)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let connection = HTTPConnection(id: nextID, fd: fd, now: MonotonicClock.nowMilliseconds())
            nextID += 1
            connections[connection.id] = connection
        }
    }

    private func readFrom(_ connection: HTTPConnection) {
        let count = readBuffer.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
        if count < 0, errno == EAGAIN || errno == EINTR { return }
        guard count > 0 else { return closeConnection(connection) }
        let now = MonotonicClock.nowMilliseconds()
        connection.lastActivity = now
        if connection.drainUntil != nil { return }
        if connection.inbox.isEmpty { connection.requestStartedAt = now }
        connection.inbox.append(contentsOf: readBuffer[0..<count])
        advance(connection)
    }

    /// Starts the next request in the inbox, if a whole one is there and none is running.
    private func advance(_ connection: HTTPConnection) {
        guard !connection.busy, !connection.closeAfterWrite, !connection.wantsWrite, !connection.inbox.isEmpty else { return }
        switch HTTPRequestParser.parse(connection.inbox[...], limits: limits.request) {
        case .incomplete:
            return
        case .failure(let failure):
            connection.inbox = []
            respond(connection, APIResponse.parseFailure(failure), keepAlive: false, headOnly: false)
        case .request(let request, let consumed):
            connection.inbox.removeFirst(consumed)
            connection.requestStartedAt = connection.inbox.isEmpty ? nil : MonotonicClock.nowMilliseconds()
            connection.busy = true
            let (id, handler, keepAlive, headOnly) = (connection.id, handler, request.keepsAlive, request.method == "HEAD")
            workers.submit { [finished, weak self] in
                let response = handler(request)
                finished.withLock { $0.answers.append((id, response, keepAlive, headOnly)) }
                self?.wake()
            }
        }
    }

    private func deliverFinished() {
        let answers = finished.withLock { state -> [Finished] in
            defer { state.answers = [] }
            return state.answers
        }
        for answer in answers {
            guard let connection = connections[answer.id] else { continue }
            connection.busy = false
            respond(connection, answer.response, keepAlive: answer.keepAlive, headOnly: answer.headOnly)
        }
    }

    private func respond(_ connection: HTTPConnection, _ response: HTTPResponse, keepAlive: Bool, headOnly: Bool) {
        connection.outbox = response.serialized(keepAlive: keepAlive, headOnly: headOnly)
        connection.written = 0
        connection.closeAfterWrite = !keepAlive
        connection.lastActivity = MonotonicClock.nowMilliseconds()
        writeTo(connection)
    }

    private func writeTo(_ connection: HTTPConnection) {
        while connection.wantsWrite {
            let count = connection.outbox.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress! + connection.written, bytes.count - connection.written, Int32(MSG_NOSIGNAL))
            }
            if count < 0, errno == EAGAIN || errno == EINTR { return }
            guard count > 0 else { return closeConnection(connection) }
            connection.written += count
            connection.lastActivity = MonotonicClock.nowMilliseconds()
        }
        connection.outbox = []
        connection.written = 0
        if connection.closeAfterWrite {
            // Lingering close: stop sending, read what the client still sends for a moment.
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.drainUntil = MonotonicClock.nowMilliseconds() + 2_000
            return
        }
        advance(connection)
    }

    private func enforceDeadlines(_ now: Int64) {
        for connection in Array(connections.values) {
            guard let deadline = connection.deadline(limits), now >= deadline else { continue }
            if connection.drainUntil == nil, !connection.wantsWrite, connection.requestStartedAt != nil {
                connection.inbox = []
                respond(connection, APIResponse.error(408, "request_timeout", "the request did not arrive in time"),
                        keepAlive: false, headOnly: false)
            } else {
                closeConnection(connection)
            }
        }
    }

    private func closeConnection(_ connection: HTTPConnection) {
        close(connection.fd)
        connections[connection.id] = nil
    }
}
