#if canImport(Glibc)
import Glibc
#endif

/// Reads the listening TCP sockets from `/proc/net/tcp` and `tcp6` and finds their owners
/// through the `socket:[inode]` links in `/proc/*/fd`. Entries that cannot be read (other
/// users' processes) are skipped, never fatal.
public enum ListeningSockets {
    /// The kernel's state code for LISTEN.
    static let listenState = "0A"

    /// Every listening socket on this host, with owners where visible.
    public static func read() -> [ListeningSocket] {
        let procRoot = "/proc"
        var sockets: [ListeningSocket] = []
        for file in ["net/tcp", "net/tcp6"] {
            guard case .success(let text) = ProcFile.text("\(procRoot)/\(file)", limit: 8 * 1_024 * 1_024) else { continue }
            sockets += parse(table: text)
        }
        let owners = socketOwners(procRoot: procRoot, inodes: Set(sockets.map(\.inode)))
        var seen = Set<String>()
        var result: [ListeningSocket] = []
        for var socket in sockets {
            guard seen.insert("\(socket.address)|\(socket.port)").inserted else { continue }
            if let pid = owners[socket.inode] {
                socket.pid = pid
                socket.process = ProcTable.comm(pid)
                socket.commandLine = ProcTable.arguments(pid)?.joined(separator: " ")
            }
            result.append(socket)
        }
        return result.sorted { ($0.port, $0.address) < ($1.port, $1.address) }
    }

    /// The LISTEN rows of one `/proc/net/tcp`-format table (the header line is skipped).
    public static func parse(table: String) -> [ListeningSocket] {
        table.split(separator: "\n").dropFirst().compactMap { parse(line: $0) }
    }

    /// One table row, or nil when it is not a LISTEN socket or malformed.
    public static func parse(line: Substring) -> ListeningSocket? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 10, fields[3] == Substring(listenState) else { return nil }
        let local = fields[1].split(separator: ":")
        guard local.count == 2, let port = Int(local[1], radix: 16),
              let address = decodeAddress(local[0]), let inode = UInt64(fields[9]) else { return nil }
        return ListeningSocket(address: address, port: port, inode: inode)
    }

    /// Decodes the kernel's hex address: 8 digits for IPv4, 32 for IPv6, each 32-bit word
    /// in host (little-endian) byte order.
    public static func decodeAddress(_ hex: Substring) -> String? {
        var words: [UInt32] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let end = hex.index(index, offsetBy: 8, limitedBy: hex.endIndex),
                  let word = UInt32(hex[index..<end], radix: 16) else { return nil }
            words.append(word)
            index = end
        }
        // Each word was printed from memory on a little-endian host: its low byte comes first.
        let bytes = words.flatMap { word -> [UInt8] in
            [UInt8(word & 0xff), UInt8(word >> 8 & 0xff), UInt8(word >> 16 & 0xff), UInt8(word >> 24 & 0xff)]
        }
        switch bytes.count {
        case 4: return bytes.map(String.init).joined(separator: ".")
        case 16: return formatIPv6(bytes)
        default: return nil
        }
    }

    private static func formatIPv6(_ bytes: [UInt8]) -> String {
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var raw = bytes
        let ok = raw.withUnsafeMutableBytes { source in
            buffer.withUnsafeMutableBufferPointer { inet_ntop(AF_INET6, source.baseAddress, $0.baseAddress, socklen_t($0.count)) }
        } != nil
        guard ok else { return "::" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// inode → pid for the wanted socket inodes, from every readable `/proc/PID/fd`.
    static func socketOwners(procRoot: String, inodes: Set<UInt64>) -> [UInt64: Int32] {
        guard !inodes.isEmpty, let processes = opendir(procRoot) else { return [:] }
        defer { closedir(processes) }
        var owners: [UInt64: Int32] = [:]
        while let entry = readdir(processes) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int32(name) else { continue }
            let fdDirectory = "\(procRoot)/\(name)/fd"
            guard let fds = opendir(fdDirectory) else { continue }
            defer { closedir(fds) }
            while let fdEntry = readdir(fds) {
                let fdName = withUnsafeBytes(of: fdEntry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard let target = readLink("\(fdDirectory)/\(fdName)"), target.hasPrefix("socket:["),
                      let inode = UInt64(target.dropFirst(8).dropLast()), inodes.contains(inode) else { continue }
                if owners[inode] == nil { owners[inode] = pid }
            }
        }
        return owners
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBufferPointer { readlink(path, $0.baseAddress!, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
