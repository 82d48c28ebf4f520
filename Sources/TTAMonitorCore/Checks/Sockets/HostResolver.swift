#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Turns a host name into addresses without blocking Swift's cooperative thread pool.
///
/// `getaddrinfo` blocks (DNS, `/etc/hosts`, NSS modules) and has no timeout of its own, so
/// names are resolved on a thread of their own (`BlockingCall`) and the caller stops waiting
/// at the deadline; a resolver that hangs keeps only that thread busy. IP literals are
/// recognised with `AI_NUMERICHOST`, which never blocks, and skip the queue altogether.
enum HostResolver {
    /// Only for the deadline timer, which never blocks.
    private static let queue = DispatchQueue(label: "tta-monitor.resolver-deadlines")

    /// Addresses for `host` (brackets around an IPv6 literal are allowed), in the order the
    /// resolver prefers them.
    static func resolve(
        host: String, port: Int, deadline: SocketDeadline
    ) async throws(SocketError) -> [SocketAddress] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if case .success(let addresses) = lookUp(name, port: port, flags: AI_NUMERICHOST) {
            return addresses
        }
        let once = ResumeOnce<Result<[SocketAddress], SocketError>>()
        Task {
            let looked = await BlockingCall.run { lookUp(name, port: port, flags: 0) }
            once.resume(with: looked.mapError { failure in
                // No descriptor left for /etc/hosts or a DNS socket: not the name's fault.
                DescriptorLimit.isExhaustion(failure.systemErrno) ? .system(call: "getaddrinfo", errno: failure.systemErrno)
                    : .unresolvedHost(host)
            })
        }
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(clamping: deadline.remaining.nanoseconds))) {
            once.resume(with: .failure(.timedOut(after: deadline.budget)))
        }
        let result = await withTaskCancellationHandler {
            await once.value()
        } onCancel: {
            once.resume(with: .failure(.cancelled))
        }
        return try result.get()
    }

    /// One synchronous `getaddrinfo` call; the error is the `EAI_*` code.
    private static func lookUp(_ name: String, port: Int, flags: Int32) -> Result<[SocketAddress], LookupFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = flags | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, String(port), &hints, &list)
        guard status == 0 else { return .failure(LookupFailure(code: status, systemErrno: status == EAI_SYSTEM ? errno : 0)) }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var cursor = list
        while let entry = cursor {
            if let address = SocketAddress(entry.pointee) { addresses.append(address) }
            cursor = entry.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(LookupFailure(code: EAI_NONAME)) : .success(addresses)
    }

    private struct LookupFailure: Error {
        let code: Int32
        /// `errno` for EAI_SYSTEM, else 0.
        var systemErrno: Int32 = 0
    }
}

extension Duration {
    /// Whole nanoseconds, for Dispatch's time arithmetic.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
