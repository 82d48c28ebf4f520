#if canImport(Glibc)
import Glibc
#endif

/// An output file problem (exit status 74).
public struct OutputError: ReportableError {
    /// What failed, naming the file.
    public var message: String
    public var exitCode: ExitCode { .ioError }
    public var description: String { message }
}

/// Writes files so that readers see either the old or the whole new content, never a part:
/// write a temporary file beside the target (`ReplacementFile`: random name, no links
/// followed), fsync it, then rename over the target.
public enum AtomicFile {
    /// Replaces `path` with `text`; the file gets permissions `mode` (default 0600).
    public static func write(_ text: String, to path: String, mode: mode_t = FileMode.privateData) throws(OutputError) {
        let file = try ReplacementFile(replacing: path, mode: mode)
        // A failed write leaves the target alone: the temporary goes with `file`.
        try file.write(Array(text.utf8))
        try file.commit()
    }
}
