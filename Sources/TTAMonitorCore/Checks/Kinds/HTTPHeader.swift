/// One configured request header. `secret` headers are masked whenever they are shown.
public struct HTTPHeader: Sendable, Equatable {
    /// Header name.
    public var name: String
    /// Header value, `${VAR}` already expanded.
    public var value: String
    /// Creates a header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
