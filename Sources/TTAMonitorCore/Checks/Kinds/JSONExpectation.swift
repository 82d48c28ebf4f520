/// `expect.json` entry: the value at `path` must print as `expected`.
public struct JSONExpectation: Sendable, Equatable {
    /// Dotted path; numeric components index arrays (`items.0.state`).
    public var path: String
    /// The expected value as text (`healthy`, `true`, `3`, `null`).
    public var expected: String
    /// Creates an expectation.
    public init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }
}
