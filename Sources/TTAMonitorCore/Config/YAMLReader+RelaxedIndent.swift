extension YAMLReader {
    /// How far a line inside a flow collection or a quoted scalar must be indented, where the
    /// spec says `minIndent` (one more than the parent's indentation).
    ///
    /// A documented deviation, as PyYAML, ruamel.yaml and the parsers behind Docker Compose
    /// and Kubernetes read files: a closing `]` or `}` may sit at the parent's own indentation
    /// at any level, and inside a nested block any other line may too (Sentry's compose file
    /// closes a `command: [` that way). A top-level collection or quoted scalar still wants
    /// its continuation lines indented: a line at column 0 there reads like the next key, and
    /// the yaml-test-suite marks it invalid (9C9N, QB6E).
    static func relaxedIndent(_ minIndent: Int, closer: Bool) -> Int {
        let parentIndent = minIndent - 1
        return closer || parentIndent >= 1 ? max(parentIndent, 0) : minIndent
    }
}
