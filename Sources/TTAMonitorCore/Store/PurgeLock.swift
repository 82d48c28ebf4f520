#if canImport(Glibc)
import Glibc
#endif

/// Only one `retention purge` per database at a time: an advisory lock (`flock`) on
/// `<database>.purge-lock`, held for the whole purge and released when the process ends,
/// however it ends (a killed purge leaves no stale lock). The empty file stays behind.
final class PurgeLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// The lock file beside `databasePath`.
    static func path(forDatabase databasePath: String) -> String { databasePath + ".purge-lock" }

    /// Takes the lock without waiting; nil when another purge holds it.
    static func acquire(forDatabase databasePath: String) throws(StoreError) -> PurgeLock? {
        let path = path(forDatabase: databasePath)
        // Never through a link, never a FIFO that would block the open, never a file that
        // another user planted and could hold locked to stop every purge.
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError("cannot open purge lock \(path): \(String(cString: strerror(errno)))", path: databasePath)
        }
        let lock = PurgeLock(descriptor: descriptor)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else {
            throw StoreError("purge lock \(path) is not a regular file owned by this user; remove it", path: databasePath)
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return nil }
            throw StoreError("cannot lock \(path): \(String(cString: strerror(errno)))", path: databasePath)
        }
        return lock
    }

    /// The error for a purge that found another one running (exit 75: try again later).
    static func busy(forDatabase databasePath: String) -> StoreError {
        StoreError("another purge is running (it holds \(path(forDatabase: databasePath))); try again when it has finished",
                   path: databasePath, isBusy: true)
    }
}
