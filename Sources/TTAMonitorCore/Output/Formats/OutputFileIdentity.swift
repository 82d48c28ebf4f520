#if canImport(Glibc)
import Glibc
#endif

/// Tells when two `--output` paths would write the same file although they are spelled
/// differently (`a.xml`, `./a.xml`, `out//a.xml`, `/abs/a.xml`, a directory reached through a
/// link, a hard link): the second report would silently replace the first.
enum OutputFileIdentity {
    /// The names a path is known by: its spelling with `.` and empty parts removed, the file
    /// it names (device and inode) when it exists, and its directory (device and inode) with
    /// its last part when the directory exists. Two paths name one file when these overlap.
    static func keys(for path: String) -> Set<String> {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        var keys: Set<String> = ["path:" + (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")]
        var info = stat()
        if stat(path, &info) == 0 { keys.insert("file:\(info.st_dev):\(info.st_ino)") }
        if let last = parts.last, last != ".." {
            let directory = parts.count > 1 || path.hasPrefix("/")
                ? (path.hasPrefix("/") ? "/" : "") + parts.dropLast().joined(separator: "/") : "."
            if stat(directory.isEmpty ? "/" : directory, &info) == 0 {
                keys.insert("entry:\(info.st_dev):\(info.st_ino)/\(last)")
            }
        }
        return keys
    }
}
