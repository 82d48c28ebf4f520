#if canImport(Glibc)
import Glibc
#endif

/// Opens a file that tta-monitor appends to (the `file` alert channel), refusing what
/// another local user could have planted at its path: a symbolic link, a hard link to some
/// other file, a FIFO or device, or a file that belongs to someone else (tta-monitor runs as
/// root; writing through any of these would hand root's write to them).
enum AppendFile {
    /// Why the file was not opened.
    struct Problem: Error {
        /// Names the path and the reason.
        var message: String
    }

    /// A descriptor open for appending. A new file gets exactly `mode`; an existing one with
    /// looser permissions is tightened to `mode`.
    static func open(_ path: String, mode: mode_t) -> Result<Int32, Problem> {
        // O_NONBLOCK: opening a planted FIFO for writing must not hang.
        let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        var created = true
        var fd = Glibc.open(path, flags | O_CREAT | O_EXCL, mode)
        if fd < 0, errno == EEXIST {
            created = false
            fd = Glibc.open(path, flags)
        }
        guard fd >= 0 else {
            if errno == ELOOP { return .failure(Problem(message: "refusing to write \(path): it is a symbolic link")) }
            // A FIFO nobody reads, opened without blocking.
            if errno == ENXIO { return .failure(Problem(message: "refusing to write \(path): not a regular file")) }
            return .failure(Problem(message: "cannot open \(path): \(reason(errno))"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let problem = Problem(message: "cannot inspect \(path): \(reason(errno))")
            close(fd)
            return .failure(problem)
        }
        if let refusal = refusal(info, path: path) {
            close(fd)
            return .failure(Problem(message: refusal))
        }
        let current = info.st_mode & 0o7777
        let wanted = created ? mode : current & mode
        if current != wanted, fchmod(fd, wanted) != 0 {
            let problem = Problem(message: "cannot set the mode of \(path): \(reason(errno))")
            close(fd)
            return .failure(problem)
        }
        return .success(fd)
    }

    private static func refusal(_ info: stat, path: String) -> String? {
        if info.st_mode & S_IFMT != S_IFREG { return "refusing to write \(path): not a regular file" }
        if info.st_uid != geteuid() { return "refusing to write \(path): it belongs to uid \(info.st_uid), not to this user" }
        if info.st_nlink > 1 { return "refusing to write \(path): it has \(info.st_nlink) hard links" }
        return nil
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
