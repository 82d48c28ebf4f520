#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where a command's output goes: stdout for results, stderr for diagnostics. Tests capture
/// both instead of writing to the process's file descriptors.
public final class Console: Sendable {
    private enum Sink { case fileDescriptors, capture }
    private let sink: Sink
    private let captured = Mutex<(out: String, err: String)>(("", ""))
    private let failedStdout = Mutex<Int32?>(nil)
    /// Whether stdout is a terminal (colour, widths, progress).
    public let stdoutIsTerminal: Bool
    /// Whether stderr is a terminal.
    public let stderrIsTerminal: Bool

    private init(sink: Sink, stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        self.sink = sink
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The process's own stdout and stderr.
    public static func standard() -> Console {
        Console(sink: .fileDescriptors, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1)
    }

    /// A console that keeps everything written, for tests.
    public static func capturing() -> Console {
        Console(sink: .capture, stdoutIsTerminal: false, stderrIsTerminal: false)
    }

    /// What was written to stdout (capturing consoles only).
    public var capturedOut: String { captured.withLock { $0.out } }
    /// What was written to stderr (capturing consoles only).
    public var capturedErr: String { captured.withLock { $0.err } }

    /// The `errno` of the first write to stdout that failed (a full disk, a closed
    /// descriptor); nil while every write went through. Later writes to stdout are dropped,
    /// so a report is never printed with a hole in it.
    public var stdoutFailure: Int32? { failedStdout.withLock { $0 } }

    /// Writes `text` to stdout as is.
    public func out(_ text: String) {
        guard stdoutFailure == nil else { return }
        if sink == .fileDescriptors { TerminationSignals.parkIfTerminating() }
        write(text, fd: 1)
    }
    /// Writes `text` to stderr as is.
    public func err(_ text: String) { write(text, fd: 2) }

    private func write(_ text: String, fd: Int32) {
        switch sink {
        case .capture:
            captured.withLock { if fd == 1 { $0.out += text } else { $0.err += text } }
        case .fileDescriptors:
            var remaining = Array(text.utf8)[...]
            while !remaining.isEmpty {
                let written = remaining.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    guard fd == 1 else { return }   // nowhere left to report a stderr failure
                    // A closed pipe (`tta-monitor status | head -1`) ends the process the way
                    // SIGPIPE does, quietly; anything else is an error the command reports.
                    if code == EPIPE { BrokenPipe.terminate() }
                    failedStdout.withLock { $0 = $0 ?? code }
                    return
                }
                remaining = remaining.dropFirst(written)
            }
        }
    }
}
