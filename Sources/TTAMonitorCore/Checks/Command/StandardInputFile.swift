#if canImport(Glibc)
import Glibc
#endif

/// A command's stdin prepared in full before it starts: an anonymous in-memory file
/// (`memfd_create`), written and rewound. Unlike a pipe, nothing has to feed it while the
/// command runs, and a command that never reads its input cannot block anyone.
struct StandardInputFile {
    /// The descriptor to hand to the spawner; -1 when it could not be made.
    let descriptor: Int32
    /// `errno` when `descriptor` is -1.
    let error: Int32

    /// Creates the file holding `contents` (close-on-exec, so concurrent spawns never
    /// inherit it; the spawner's dup2 onto descriptor 0 clears the flag for its command).
    init(contents: [UInt8]) {
        let fd = Self.anonymousFile()
        guard fd >= 0 else {
            (descriptor, error) = (-1, errno)
            return
        }
        var offset = 0
        while offset < contents.count {
            let written = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                Glibc.close(fd)
                (descriptor, error) = (-1, code)
                return
            }
            offset += written
        }
        lseek(fd, 0, SEEK_SET)
        (descriptor, error) = (fd, 0)
    }

    private typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
    /// `MFD_CLOEXEC` from <linux/memfd.h>, which the Swift overlay does not import.
    private static let memfdCloseOnExec: UInt32 = 1

    /// `memfd_create` (looked up at run time: it sits behind `_GNU_SOURCE`), else an
    /// unlinked temporary file; close-on-exec either way.
    private static func anonymousFile() -> Int32 {
        if let symbol = dlsym(nil, "memfd_create") {
            let fd = unsafeBitCast(symbol, to: MemfdCreate.self)("tta-monitor-stdin", memfdCloseOnExec)
            if fd >= 0 { return fd }
        }
        var template = Array("/tmp/tta-monitor-stdin-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return -1 }
        unlink(template)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }

    /// Closes this process's copy; the command keeps its own.
    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }
}
