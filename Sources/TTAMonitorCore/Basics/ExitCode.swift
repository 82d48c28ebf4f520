/// Process exit statuses, as documented in docs/exit-codes.md and the man page (sysexits.h numbering
/// for errors, monitoring-plugins numbering for verdicts).
public enum ExitCode: Int32, Sendable {
    /// Everything OK.
    case ok = 0
    /// A check or component is WARNING.
    case warning = 1
    /// A check or component is CRITICAL.
    case critical = 2
    /// A check could not be evaluated, or the data is stale.
    case unknown = 3
    /// The command line was wrong.
    case usage = 64
    /// An input file is not what it claims to be.
    case dataError = 65
    /// An input file does not exist.
    case noInput = 66
    /// A bug: something that should not happen did.
    case software = 70
    /// The database or an output file could not be read or written.
    case ioError = 74
    /// The database stayed busy past its timeout; trying again later should work.
    case tempFail = 75
    /// The configuration is wrong.
    case config = 78
}

/// An error the command line reports as `Error: <description>` with its own exit status.
public protocol ReportableError: Error, CustomStringConvertible {
    /// The process exit status this error maps to.
    var exitCode: ExitCode { get }
}
