#if canImport(Glibc)
import Glibc
#endif

/// One serve per database: an advisory lock (`flock`) on `<database>.serve-lock`, held for
/// serve's life and released however the process ends (a killed serve leaves no stale
/// lock). The file says who holds it (pid, start time, listen address), so a second serve
/// and `status` can name the running one.
final class ServeLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// The lock file beside `databasePath`.
    static func path(forDatabase databasePath: String) -> String { databasePath + ".serve-lock" }

    /// Takes the lock without waiting and writes `holder` into it; nil when another serve holds it.
    static func acquire(forDatabase databasePath: String, holder: ServeLockHolder) throws(StoreError) -> ServeLock? {
        let path = path(forDatabase: databasePath)
        let descriptor = try openLockFile(path, databasePath: databasePath)
        let lock = ServeLock(descriptor: descriptor)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return nil }
            throw StoreError("cannot lock \(path): \(String(cString: strerror(errno)))", path: databasePath)
        }
        guard lock.write(holder) else {
            throw StoreError("cannot write \(path): \(String(cString: strerror(errno)))", path: databasePath)
        }
        return lock
    }

    /// Replaces what the file says (a reload failed, or succeeded again); whether it worked.
    @discardableResult
    func write(_ holder: ServeLockHolder) -> Bool {
        let text = Array(holder.text.utf8)
        return ftruncate(descriptor, 0) == 0 && pwrite(descriptor, text, text.count, 0) == text.count
    }

    /// Who holds the lock now; nil when no serve runs on `databasePath` (or the file is
    /// missing or unreadable). Takes no lock that lasts: a shared probe, released at once.
    static func holder(forDatabase databasePath: String) -> ServeLockHolder? {
        let descriptor = open(path(forDatabase: databasePath), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        guard errno == EWOULDBLOCK else { return nil }
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let count = read(descriptor, &buffer, buffer.count)
        return ServeLockHolder(text: String(decoding: buffer.prefix(max(0, count)), as: UTF8.self))
    }

    /// The error for a serve that found another one on its database (exit 75).
    static func busy(forDatabase databasePath: String) -> StoreError {
        let who = holder(forDatabase: databasePath).map { " (\($0.summary))" } ?? ""
        return StoreError("another tta-monitor serve is running on this database\(who); stop it first, "
                          + "or give this one its own --db", path: databasePath, isBusy: true)
    }

    /// Never through a link, never a FIFO that would block the open, never a file another
    /// user planted and could hold locked to stop serve.
    private static func openLockFile(_ path: String, databasePath: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError("cannot open serve lock \(path): \(String(cString: strerror(errno)))", path: databasePath)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else {
            close(descriptor)
            throw StoreError("serve lock \(path) is not a regular file owned by this user; remove it", path: databasePath)
        }
        return descriptor
    }
}
