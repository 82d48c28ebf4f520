/// A database problem, with the exit status it maps to (74 I/O, 75 busy).
public struct StoreError: ReportableError {
    /// What went wrong, from `sqlite3_errmsg` or our own checks; never contains bound values.
    public var message: String
    /// The database file.
    public var path: String
    /// True when the database stayed locked past the busy timeout (try again later).
    public var isBusy: Bool

    /// True when the database does not exist and was not to be created (exit 66).
    public var isMissing: Bool = false

    /// Creates an error.
    public init(_ message: String, path: String, isBusy: Bool = false) {
        self.message = message
        self.path = path
        self.isBusy = isBusy
    }

    /// The database file does not exist where a command needs to read it.
    public static func missing(_ message: String, path: String) -> StoreError {
        var error = StoreError(message, path: path)
        error.isMissing = true
        return error
    }

    public var exitCode: ExitCode { isMissing ? .noInput : isBusy ? .tempFail : .ioError }
    public var description: String { "database \(path): \(message)" }
}
