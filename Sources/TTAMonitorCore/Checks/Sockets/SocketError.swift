#if canImport(Glibc)
import Glibc
#endif

/// Why a socket operation failed, worded for a check's message.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host name has no address (or the resolver failed).
    case unresolvedHost(String)
    /// Nothing listens on the port (RST in answer to SYN).
    case connectionRefused
    /// The peer reset the connection, or it was gone when we wrote.
    case connectionReset
    /// The peer closed the connection before sending what we waited for.
    case closedByPeer
    /// No route to the host.
    case hostUnreachable
    /// No route to the host's network.
    case networkUnreachable
    /// The deadline passed; carries the whole budget for the message.
    case timedOut(after: Duration)
    /// The task waiting on the socket was cancelled.
    case cancelled
    /// A reply grew past `limit` bytes without the delimiter being read for.
    case replyTooLong(limit: Int)
    /// The poll thread could not be started or `poll()` failed (descriptor limit reached).
    case pollerUnavailable
    /// Any other system call failure: the call's name and `errno`.
    case system(call: String, errno: Int32)

    /// One lowercase line, e.g. `connection refused`, `timed out after 500 ms`.
    public var description: String {
        switch self {
        case .unresolvedHost(let host): "could not resolve host '\(host)'"
        case .connectionRefused: "connection refused"
        case .connectionReset: "connection reset by peer"
        case .closedByPeer: "connection closed by peer"
        case .hostUnreachable: "host unreachable"
        case .networkUnreachable: "network unreachable"
        case .timedOut(let budget): "timed out after \(budget.milliseconds) ms"
        case .cancelled: "cancelled"
        case .replyTooLong(let limit): "reply longer than \(limit) bytes"
        case .pollerUnavailable:
            "cannot wait on sockets: local resource limit, not the target (poll thread unavailable or "
                + "descriptors past the \(DescriptorLimit.marker)); raise the \(DescriptorLimit.marker) (ulimit -n) or lower --concurrency"
        case .system(let call, let code) where DescriptorLimit.isExhaustion(code):
            DescriptorLimit.message(call: call, errno: code)
        case .system(let call, let code): "\(call) failed: \(Self.reason(code))"
        }
    }

    /// Maps an `errno` from `connect`, `send` or `recv` to the case a user recognises.
    static func from(errno code: Int32, call: String) -> SocketError {
        switch code {
        case ECONNREFUSED: .connectionRefused
        case ECONNRESET, EPIPE: .connectionReset
        case EHOSTUNREACH: .hostUnreachable
        case ENETUNREACH: .networkUnreachable
        default: .system(call: call, errno: code)
        }
    }

    /// `strerror` text with a lowercase first letter, to sit inside our one-line messages.
    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code).map({ String(cString: $0) }), let first = text.first else {
            return "error \(code)"
        }
        return first.lowercased() + text.dropFirst()
    }
}
