/// A check verdict as the process exit status (the Nagios plugin convention).
extension ExitCode {
    /// The exit status that reports `status`.
    public init(_ status: CheckStatus) {
        switch status {
        case .ok: self = .ok
        case .warning: self = .warning
        case .critical: self = .critical
        case .unknown: self = .unknown
        }
    }
}
