#if canImport(Glibc)
import Glibc
#endif

extension OutputError {
    /// Standard output could not be written (`>/dev/full`, a closed descriptor): exit 74.
    static func standardOutput(errno code: Int32) -> OutputError {
        OutputError(message: "cannot write to standard output: \(String(cString: strerror(code)))")
    }
}
