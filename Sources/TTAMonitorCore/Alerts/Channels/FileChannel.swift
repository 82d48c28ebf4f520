#if canImport(Glibc)
import Glibc
#endif

/// `type: file`: appends one JSON line per notification (`AlertNotification.json`) to a
/// file, created with mode 0600 (`monitoring.storage.mode`). Each line goes out in one
/// `write` on an `O_APPEND` descriptor, so lines from concurrent writers never interleave.
public struct FileChannel: Sendable {
    /// The file; a relative path is relative to the working directory.
    public var path: String
    /// The file's permissions: set on a new file, and an existing file with looser ones is
    /// tightened to them.
    public var mode: mode_t = FileMode.privateData

    /// Reads the type's key: path.
    static func read(_ reader: inout MappingReader, channel: String) throws(ConfigError) -> FileChannel {
        guard let path = try reader.string("path"), !path.isEmpty else {
            throw reader.missingKeyError(["path"], "file channel '\(channel)' needs a 'path' (e.g. logs/tta-alerts.jsonl)")
        }
        return FileChannel(path: path)
    }

    /// The lines written for `notifications`, each ending in a newline.
    static func lines(_ notifications: [AlertNotification]) -> [String] {
        notifications.map { JSONWriter.render($0.json, pretty: false) + "\n" }
    }

    /// Appends every notification. File I/O can hang (a dead NFS mount), so it runs on a
    /// thread of its own and the channel's timeout still bounds the wait.
    func send(_ notifications: [AlertNotification], channel: AlertChannel) async -> ChannelSendResult {
        let path = path
        let mode = mode
        let lines = Self.lines(notifications)
        let outcome = ResumeOnce<ChannelSendResult>()
        CommandThread.start { outcome.resume(with: Self.append(lines, to: path, mode: mode)) }
        let timer = Task {
            try? await Task.sleep(for: channel.timeout)
            outcome.resume(with: .failed("writing \(path) took longer than \(DurationParser.format(channel.timeout))"))
        }
        let result = await outcome.value()
        timer.cancel()
        return result
    }

    /// Blocking: opens, writes each line whole, closes.
    static func append(_ lines: [String], to path: String, mode: mode_t = FileMode.privateData) -> ChannelSendResult {
        let fd: Int32
        switch AppendFile.open(path, mode: mode) {
        case .success(let descriptor): fd = descriptor
        case .failure(let problem): return .failed(problem.message)
        }
        defer { close(fd) }
        for line in lines {
            let bytes = Array(line.utf8)
            var offset = 0
            // One write per line; a short write (a full disk) carries on where it stopped.
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return .failed("cannot write \(path): \(reason(errno))") }
                offset += written
            }
        }
        return .delivered
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
