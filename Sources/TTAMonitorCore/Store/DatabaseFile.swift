#if canImport(Glibc)
import Glibc
#endif

/// The database as a file: how it is created, its permissions, and which file it is.
enum DatabaseFile {
    /// Device and inode: what the path names, as opposed to the file a connection has open.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64

        /// What `path` names now; nil when nothing is there.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Creates the file with exactly `mode` before SQLite does, unless it exists. Results
    /// hold internal host names and error texts other local users have no business reading,
    /// and SQLite gives its -wal and -shm files the database's mode. `O_EXCL|O_NOFOLLOW`:
    /// a link planted at the path is never followed to create a file elsewhere. Missing
    /// directories are not created here (only the default location's are, by the caller).
    static func create(_ path: String, mode: mode_t) throws(StoreError) {
        let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode)
        if fd >= 0 {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else { throw failure("cannot set the file's mode", path: path) }
            return
        }
        switch errno {
        case EEXIST:
            // Exists, possibly through a link the user made to a real database; but a link
            // to nothing would make SQLite create whatever file it points at.
            guard Identity(path: path) == nil else { return }
            throw StoreError("the path is a symbolic link to a missing file; refusing to create the database through it",
                             path: path)
        case ENOENT where !directoryExists(of: path):
            throw StoreError("directory '\(directory(of: path))' does not exist; create it first "
                + "(tta-monitor creates directories only for its default database location)", path: path)
        default:
            // ENOENT with the directory present: a virtual file system (/proc) that cannot
            // create files; the hint names it rather than blaming the directory.
            throw failure("cannot create file", path: path).withFullDiskHint()
        }
    }

    /// Refuses links another local user could have planted: a link at the database path
    /// that belongs to someone else (a user's own link to their database is fine), and any
    /// link at its -wal, -shm or -journal path, which SQLite would follow to create or
    /// overwrite the file it points at.
    static func refusePlantedLinks(_ path: String) throws(StoreError) {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, info.st_uid != geteuid() {
            throw StoreError("the path is a symbolic link owned by uid \(info.st_uid), not by this user; refusing to follow it",
                             path: path)
        }
        for companion in [path + "-wal", path + "-shm", path + "-journal"]
        where lstat(companion, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw StoreError("\(companion) is a symbolic link; refusing to let SQLite write through it", path: path)
        }
    }

    /// Takes every permission outside `mode` away from the database and its -wal and -shm
    /// files; returns a note for each file changed, or that could not be changed.
    static func tighten(_ path: String, to mode: mode_t) -> [String] {
        var notes: [String] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let current = info.st_mode & 0o7777
            let wanted = current & mode
            guard current != wanted else { continue }
            if chmod(file, wanted) == 0 {
                notes.append("note: tightened the permissions of \(file) from \(FileMode.text(current)) to \(FileMode.text(wanted)) "
                    + "(it holds monitoring data; monitoring.storage.mode sets the mode)")
            } else {
                notes.append("warning: \(file) has permissions \(FileMode.text(current)), wider than \(FileMode.text(mode)), "
                    + "and cannot be tightened: \(String(cString: strerror(errno)))")
            }
        }
        return notes
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func directoryExists(of path: String) -> Bool {
        var info = stat()
        return stat(directory(of: path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func failure(_ action: String, path: String) -> StoreError {
        StoreError("\(action): \(String(cString: strerror(errno)))", path: path)
    }
}
