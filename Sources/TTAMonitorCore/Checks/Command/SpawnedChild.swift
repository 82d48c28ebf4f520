#if canImport(Glibc)
import Glibc
#endif

/// A started command: its pid, which is also its process group, and the read end of the
/// one pipe its stdout and stderr share.
struct SpawnedChild: Sendable {
    var pid: pid_t
    var outputDescriptor: Int32
}
