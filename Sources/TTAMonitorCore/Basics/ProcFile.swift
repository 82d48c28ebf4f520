#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Reads the small text files of /proc and /sys whole, with plain open/read.
///
/// procfs files report size 0 and are generated on each read, so they are read in chunks
/// until end of file rather than by their size.
enum ProcFile {
    /// Why a read failed: the `errno` of open or read.
    struct Failure: Error, Sendable {
        /// The error number.
        var code: Int32
        /// `no such file or directory`; for EMFILE/ENFILE the local limit and its fix.
        var reason: String {
            DescriptorLimit.isExhaustion(code) ? DescriptorLimit.message(call: "open", errno: code)
                : String(cString: strerror(code)).lowercased()
        }
        /// Whether the file (or its process) is gone, which is normal while scanning /proc.
        var isMissing: Bool { code == ENOENT || code == ESRCH }
    }

    /// Opens that failed for want of a descriptor, ever: a /proc scan that skips the
    /// processes it cannot read compares this before and after, so that a scan cut short by
    /// the limit does not pass for "no such process".
    static let descriptorFailures = Atomic<Int>(0)

    /// The file's bytes, at most `limit` of them.
    static func bytes(_ path: String, limit: Int = 1 << 20) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if DescriptorLimit.isExhaustion(code) { descriptorFailures.add(1, ordering: .relaxed) }
            return .failure(Failure(code: code))
        }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while content.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, limit - content.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(code: errno))
            }
            if count == 0 { break }
            content.append(contentsOf: chunk[0..<count])
        }
        return .success(content)
    }

    /// The file as UTF-8 text (invalid bytes replaced).
    static func text(_ path: String, limit: Int = 1 << 20) -> Result<String, Failure> {
        bytes(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }
}
