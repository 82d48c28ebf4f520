#if canImport(Glibc)
import Glibc
#endif

/// An output file problem (exit status 74).
public struct OutputError: ReportableError {
    /// What failed, naming the file.
    public var message: String
    public var exitCode: ExitCode { .ioError }
    public var description: String { message }
}

/// Writes files so that readers see either the old or the whole new content, never a part:
/// write a temporary file beside the target, fsync it, then rename over the target.
public enum AtomicFile {
    /// Replaces `path` with `text`.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(OutputError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("cannot create", path) }
        InFlightTemporaryFiles.created(temporary)
        defer { InFlightTemporaryFiles.settled(temporary) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write", path)
                close(fd)
                unlink(temporary)
                throw error
            }
            bytes = bytes.dropFirst(written)
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let error = failure("cannot flush", path)
            unlink(temporary)
            throw error
        }
        guard InFlightTemporaryFiles.moveIntoPlace(temporary, path) == 0 else {
            let error = failure("cannot replace", path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ action: String, _ path: String) -> OutputError {
        OutputError(message: "\(action) output file '\(path)': \(String(decoding: Array(String(cString: strerror(errno)).utf8), as: UTF8.self))")
    }
}
