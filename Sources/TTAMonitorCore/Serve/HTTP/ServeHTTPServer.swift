#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor serve`'s HTTP side: one entry point for the serve command.
public enum ServeHTTPServer {
    /// Validates `settings` (non-loopback needs a token: `ConfigError`, exit 78), binds the
    /// listening socket and starts the server's thread. Bind failures throw
    /// `ServeHTTPStartError` (exit 75: another process may hold the port).
    public static func start(listen: ServeListenAddress, settings: ServeHTTPSettings, state: any ServeState,
                             logger: any ServeLogger) throws -> RunningServeHTTPServer {
        var settings = settings
        settings.listen = listen
        try settings.validate()
        let socket: (fd: Int32, port: Int)
        do {
            socket = try HTTPListener.open(listen)
        } catch {
            throw ServeHTTPStartError(description: error.description)
        }
        let router = ServeRouter(settings: settings, state: state, logger: logger)
        let loop: HTTPServerLoop
        do {
            loop = try HTTPServerLoop(listener: socket.fd, limits: settings.limits, handler: router.handle)
        } catch {
            close(socket.fd)
            throw ServeHTTPStartError(description: error.description)
        }
        guard let thread = RawThread.start({ loop.run() }) else {
            close(socket.fd)
            throw ServeHTTPStartError(description: "cannot start the HTTP server's thread")
        }
        let bound = ServeListenAddress(host: listen.host, port: socket.port)
        logger.log(.info, "http_listening", [("address", bound.description), ("token", settings.token == nil ? "none" : "set"),
                                             ("public_read", settings.publicRead ? "true" : "false")])
        return RunningServeHTTPServer(address: bound, loop: loop, thread: thread)
    }
}

/// The HTTP server could not start (the port is taken, no descriptors left).
public struct ServeHTTPStartError: ReportableError {
    public var description: String
    public var exitCode: ExitCode { .tempFail }
}

/// A started server; `stop()` closes every connection and the listening socket.
public final class RunningServeHTTPServer: @unchecked Sendable {
    /// The address it listens on, with the port the kernel chose for port 0.
    public let address: ServeListenAddress
    private let loop: HTTPServerLoop
    private let thread = ConditionLock<pthread_t?>(nil)

    init(address: ServeListenAddress, loop: HTTPServerLoop, thread: pthread_t) {
        self.address = address
        self.loop = loop
        self.thread.withLock { $0 = thread }
    }

    /// Stops accepting, closes connections, waits for the thread. Safe to call twice.
    public func stop() {
        loop.stop()
        if let running = thread.withLock({ state -> pthread_t? in defer { state = nil }; return state }) {
            pthread_join(running, nil)
        }
    }

    deinit { stop() }
}
