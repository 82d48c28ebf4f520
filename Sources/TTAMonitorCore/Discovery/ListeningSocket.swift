#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket in LISTEN state, as the kernel reports it in `/proc/net/tcp` or `tcp6`,
/// with the process that owns it when that could be read.
public struct ListeningSocket: Sendable, Equatable {
    /// The bound address, numeric (`127.0.0.1`, `0.0.0.0`, `::`, `::1`).
    public var address: String
    /// The bound port.
    public var port: Int
    /// The socket inode, which links the socket to a process's descriptor table.
    public var inode: UInt64
    /// The owning process, when its `/proc/PID/fd` was readable.
    public var pid: Int32?
    /// The owning process's name (`comm`).
    public var process: String?
    /// The owning process's command line, arguments joined by spaces.
    public var commandLine: String?

    /// Creates a socket record.
    public init(address: String, port: Int, inode: UInt64, pid: Int32? = nil, process: String? = nil, commandLine: String? = nil) {
        self.address = address
        self.port = port
        self.inode = inode
        self.pid = pid
        self.process = process
        self.commandLine = commandLine
    }

    /// The address to connect to when probing: wildcard listeners answer on loopback.
    public var probeHost: String {
        switch address {
        case "0.0.0.0": return "127.0.0.1"
        case "::": return "::1"
        default: return address
        }
    }
}
