/// The bounds a request must fit. Real clients (Prometheus, curl, a browser) send a few
/// hundred bytes of head and small JSON bodies; anything larger is a mistake or an attack.
public struct HTTPRequestLimits: Sendable {
    /// Request line plus header fields, including the blank line (431 beyond).
    public var headBytes = 16 * 1_024
    /// Header fields (431 beyond).
    public var headerFields = 100
    /// `Content-Length` (413 beyond).
    public var bodyBytes = 64 * 1_024

    /// The defaults above.
    public init() {}
}
