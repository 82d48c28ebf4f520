#if canImport(Glibc)
import Glibc
#endif

/// The one way tta-monitor writes a whole file: a new temporary file beside the target,
/// renamed over it once complete.
///
/// Targets often live in shared directories (`/tmp`, a textfile collector's directory) where
/// other local users can plant links, and tta-monitor runs as root. So the temporary name is
/// random and the file is created with `O_CREAT|O_EXCL|O_NOFOLLOW`: a link or file planted
/// under that name makes the create fail instead of redirecting root's write. It lives in
/// the target's directory so `rename` is atomic, and its mode is set with `fchmod` so the
/// umask cannot widen or narrow it. `rename` replaces a link at the target itself rather
/// than writing through it. While it exists the temporary file is registered with
/// `InFlightTemporaryFiles`, so a termination signal removes it and never renames it.
final class ReplacementFile {
    /// The descriptor to write to.
    let descriptor: Int32
    /// The file that appears on `commit()`.
    let target: String
    /// The temporary file's path.
    let temporaryPath: String
    private var finished = false

    /// Creates the temporary file for `target` with permissions `mode` (default 0600).
    init(replacing target: String, mode: mode_t = FileMode.privateData) throws(OutputError) {
        self.target = target
        var attempts = 0
        while true {
            let candidate = Self.temporaryPath(for: target)
            let fd = InFlightTemporaryFiles.create(candidate) {
                open(candidate, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode)
            }
            if fd >= 0 {
                descriptor = fd
                temporaryPath = candidate
                break
            }
            // A name taken by chance (or planted) is skipped; anything else is a real failure.
            attempts += 1
            guard errno == EEXIST, attempts < 16 else { throw Self.failure("cannot create", target) }
        }
        guard fchmod(descriptor, mode) == 0 else {
            let error = Self.failure("cannot set the mode of", target)
            abandon()
            throw error
        }
    }

    deinit { abandon() }

    /// `dir/.name.tmp-PID-RANDOM`: hidden, in the target's directory, not guessable.
    static func temporaryPath(for path: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = ".tmp-\(getpid())-" + String(generator.next() as UInt64, radix: 16)
        guard let slash = path.lastIndex(of: "/") else { return ".\(path)\(suffix)" }
        return String(path[...slash]) + "." + path[path.index(after: slash)...] + suffix
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    func write(_ bytes: [UInt8]) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write", target)
            }
            offset += written
        }
    }

    /// Fsyncs the file and renames it over the target.
    func commit() throws(OutputError) {
        guard !finished else { return }
        finished = true
        defer { InFlightTemporaryFiles.settled(temporaryPath) }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let error = Self.failure("cannot flush", target)
            unlink(temporaryPath)
            throw error
        }
        guard InFlightTemporaryFiles.moveIntoPlace(temporaryPath, target) == 0 else {
            let error = Self.failure("cannot replace", target)
            unlink(temporaryPath)
            throw error
        }
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    func abandon() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
        InFlightTemporaryFiles.settled(temporaryPath)
    }

    static func failure(_ action: String, _ path: String) -> OutputError {
        OutputError(message: "\(action) output file '\(path)': \(String(cString: strerror(errno)))")
    }
}
