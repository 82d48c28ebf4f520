/// Listening sockets, each identified by speaking to it.
public enum PortSource {
    /// Reads the socket tables (on a thread of its own: /proc reads can stall) and probes
    /// every listener on loopback at once.
    public static func findings(timeout: Duration = ProtocolIdentifier.defaultTimeout) async -> [DiscoveryFinding] {
        let sockets = await BlockingCall.run { ListeningSockets.read() }
        return await findings(for: sockets, timeout: timeout)
    }

    /// Findings for given sockets (tests pass their own).
    public static func findings(for sockets: [ListeningSocket], timeout: Duration) async -> [DiscoveryFinding] {
        let protocols = await ProtocolIdentifier.identify(sockets.map { ($0.probeHost, $0.port) }, timeout: timeout)
        return zip(sockets, protocols).map { socket, identified in
            var notes: [String] = []
            if case .http(let status) = identified { notes.append("HTTP \(status)") }
            let kind = identified.kind
            let name = kind == TCPCheckSpec.kindName || kind == HTTPCheckSpec.kindName ? "\(kind)-\(socket.port)" : kind
            return DiscoveryFinding(source: .ports, origin: "\(socket.address):\(socket.port)", name: name, kind: kind,
                                    host: socket.address, port: socket.port, path: kind == HTTPCheckSpec.kindName ? "/" : nil,
                                    pid: socket.pid, process: socket.process, notes: notes)
        }
    }
}
