#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file whole, but never more than a stated limit and never waiting forever.
/// `--config /dev/zero` or a CSV path that another user replaced with a FIFO must end in a
/// clear error, not in an allocation of every byte the source can produce or a hung cron job.
///
/// A regular file larger than the limit is refused from its size before anything is read.
/// Anything else (a pipe, `/dev/stdin`, a device) is read until end of file, the limit or
/// `timeout` without data, whichever comes first. A FIFO with no writer reads as empty.
enum BoundedFileReader {
    /// Why the file was not read.
    enum Failure: Error, Equatable {
        /// open(2) failed with this errno.
        case open(Int32)
        /// read(2) failed with this errno (EISDIR for a directory).
        case read(Int32)
        /// The file holds more than the limit, in bytes.
        case tooLarge(limit: Int)
        /// A pipe or device sent nothing for this long.
        case timedOut(Duration)
    }

    /// The file's bytes, at most `limit` of them.
    static func bytes(_ path: String, limit: Int, timeout: Duration = .seconds(10)) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO with no writer would block until one came; O_NOCTTY: a
        // terminal device must not become our controlling terminal.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(.open(errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .failure(.read(errno)) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(.read(EISDIR)) }
        let isRegular = kind == S_IFREG
        if isRegular, status.st_size > limit { return .failure(.tooLarge(limit: limit)) }
        var content: [UInt8] = []
        if isRegular { content.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let timeoutMs = Int32(clamping: timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        while true {
            // One byte over the limit is enough to know the file is too large.
            let want = min(chunk.count, limit + 1 - content.count)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if count > 0 {
                content.append(contentsOf: chunk[0..<count])
                if content.count > limit { return .failure(.tooLarge(limit: limit)) }
                continue
            }
            if count == 0 { return .success(content) }
            switch errno {
            case EINTR: continue
            case EAGAIN:
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, timeoutMs)
                if ready == 0 { return .failure(.timedOut(timeout)) }
                if ready < 0, errno != EINTR { return .failure(.read(errno)) }
            default:
                return .failure(.read(errno))
            }
        }
    }

    /// `16 MiB`: a limit as the messages and docs/configuration.md state it.
    static func describe(_ limit: Int) -> String {
        limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    }
}
