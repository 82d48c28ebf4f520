#if canImport(Glibc)
import Glibc
#endif

/// Creates the directories of the default database location (`~/.local/state/tta-monitor`),
/// the one place tta-monitor makes directories: a path the user chose must already exist,
/// so a typo never grows a directory tree.
enum DatabaseDirectory {
    /// Creates every missing directory above `path` (an absolute path), private to the user.
    static func create(parentOf path: String) throws(StoreError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var prefix = ""
        for component in path[..<slash].split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw StoreError("cannot create directory \(prefix): \(String(cString: strerror(errno)))", path: path)
            }
        }
    }
}
