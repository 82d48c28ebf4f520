#if canImport(Glibc)
import Glibc
#endif

/// Where export bytes go: stdout, or a file that appears only when the export succeeded.
///
/// Bytes collect in a buffer that is written out in large chunks, so a million-row export
/// costs a few hundred `write` calls and constant memory. For a file the bytes go to a
/// temporary file beside the target (same directory, so the final `rename` is atomic);
/// `commit()` fsyncs and renames it, `abandon()` removes it. Readers of the target never
/// see a truncated export, and a failed export leaves neither the file nor the temporary.
final class ExportSink {
    /// Pending bytes; writers append here and call `flushIfFull()`.
    var buffer: [UInt8] = []
    private let fd: Int32
    /// The file being written; nil for standard output.
    private let file: ReplacementFile?
    private static let chunk = 1 << 16

    /// The destination as the user named it, for messages.
    var destinationName: String { file?.target ?? "standard output" }

    /// Writes to standard output.
    init() {
        fd = 1
        file = nil
        buffer.reserveCapacity(Self.chunk * 2)
    }

    /// Writes to a temporary file beside `path` (`ReplacementFile`), renamed over it on
    /// `commit()`; the file gets permissions `mode` (default 0600).
    init(path: String, mode: mode_t = FileMode.privateData) throws(OutputError) {
        let file = try ReplacementFile(replacing: path, mode: mode)
        self.fd = file.descriptor
        self.file = file
        buffer.reserveCapacity(Self.chunk * 2)
    }

    deinit { abandon() }

    /// Appends text.
    func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        try flushIfFull()
    }

    /// Writes the buffer out once it holds a chunk.
    @inline(__always)
    func flushIfFull() throws(OutputError) {
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes everything buffered.
    func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                guard file != nil else {
                    if code == EPIPE { BrokenPipe.terminate() }   // `export … | head`: quiet, like SIGPIPE
                    throw OutputError.standardOutput(errno: code)
                }
                throw Self.failure("cannot write", destinationName)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the export: flushes, and for a file fsyncs and renames it into place.
    func commit() throws(OutputError) {
        try flush()
        try file?.commit()
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    func abandon() {
        file?.abandon()
    }

    private static func failure(_ action: String, _ path: String) -> OutputError {
        OutputError(message: "\(action) output file '\(path)': \(String(cString: strerror(errno)))")
    }
}
