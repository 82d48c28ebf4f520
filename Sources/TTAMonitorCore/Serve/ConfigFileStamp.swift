#if canImport(Glibc)
import Glibc
#endif

/// What says a config file changed: modification time, size and inode (of the file a link
/// points to, so an editor's rename-over and a Kubernetes ConfigMap's link swap both count).
struct ConfigFileStamp: Sendable, Equatable {
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var size: Int64
    var inode: UInt64

    /// The file's stamp now; nil when it cannot be read (mid-rename: the next poll sees it).
    static func read(_ path: String) -> ConfigFileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ConfigFileStamp(modifiedSeconds: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec,
                               size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }

    /// Polls `path` every `period` and yields a reload when its stamp changes, until cancelled.
    static func watch(_ path: String, every period: Duration, events: AsyncStream<ServeEvent>.Continuation) async {
        var last = read(path)
        while true {
            do { try await Task.sleep(for: period) } catch { return }
            let now = read(path)
            if let now, now != last { events.yield(.reload(reason: "config file changed")) }
            if now != nil { last = now }
        }
    }
}
