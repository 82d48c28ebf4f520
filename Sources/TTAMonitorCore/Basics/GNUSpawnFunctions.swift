#if canImport(Glibc)
import Glibc
#endif

/// glibc functions the Swift overlay does not import (they sit behind `_GNU_SOURCE`),
/// looked up by name at run time.
enum GNUSpawnFunctions {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                 UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `pipe2(ends, O_CLOEXEC)`: the pipe is close-on-exec from its first instant, so a
    /// command spawned by a concurrent check cannot inherit it. Returns errno on failure.
    static func closeOnExecPipe(_ ends: UnsafeMutablePointer<Int32>) -> Int32 {
        if let symbol = dlsym(nil, "pipe2") {
            return unsafeBitCast(symbol, to: Pipe2.self)(ends, O_CLOEXEC) == 0 ? 0 : errno
        }
        // Without pipe2 (not seen on any glibc since 2.9) a small window remains.
        guard pipe(ends) == 0 else { return errno }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29); false when this C library lacks it.
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Bool {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return false }
        return unsafeBitCast(symbol, to: AddChdir.self)(actions, path) == 0
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): closes every descriptor from
    /// `lowest` up in the child. False when this C library lacks it.
    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Bool {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return false }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, lowest) == 0
    }
}
