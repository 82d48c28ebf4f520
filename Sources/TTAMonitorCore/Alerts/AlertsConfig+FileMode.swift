#if canImport(Glibc)
import Glibc
#endif

extension AlertsConfig {
    /// Gives every `file` channel the mode of `monitoring.storage.mode`: its file holds
    /// alert history, monitoring data like the database.
    mutating func applyFileMode(_ mode: mode_t) {
        for index in channels.indices {
            guard case .file(var file) = channels[index].kind else { continue }
            file.mode = mode
            channels[index].kind = .file(file)
        }
    }
}
