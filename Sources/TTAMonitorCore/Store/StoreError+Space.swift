#if canImport(Glibc)
import Glibc
#endif

extension StoreError {
    /// SQLite reports a full file system as "disk I/O error" when the WAL or shared-memory file
    /// cannot grow, which sends people looking for a broken disk. When the file system holding
    /// the database has no space left, say so; when it is a virtual one (no blocks at all, so
    /// "0 bytes free" means nothing), say that instead.
    func withFullDiskHint() -> StoreError {
        guard !isBusy, !isMissing, !message.contains("full") else { return self }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        var stats = statvfs()
        guard statvfs(directory, &stats) == 0 else { return self }
        // A file system without blocks (/proc, /sys) is never "full": it cannot hold a
        // database at all, and saying so names the real cause.
        guard stats.f_blocks > 0 else {
            var hinted = self
            hinted.message += " (\(directory) is on a virtual file system such as /proc or /sys, which cannot hold a "
                + "database; choose another path with --db; nothing was stored)"
            return hinted
        }
        let freeBytes = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
        // Less than a page or two left: nothing SQLite writes can fit.
        guard freeBytes < 65_536 else { return self }
        var hinted = self
        hinted.message += " (the file system holding \(directory) is full: \(freeBytes) bytes free; "
            + "free space or move the database with --db; nothing was stored)"
        return hinted
    }
}
