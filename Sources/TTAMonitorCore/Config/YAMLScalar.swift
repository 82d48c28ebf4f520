/// A scalar as written, with its YAML 1.2 core-schema meaning resolved once at parse time.
public struct YAMLScalar: Sendable {
    /// How the scalar was written; the typed config layer uses it to tell `"8080"` from `8080`.
    public enum Style: Sendable {
        /// Unquoted: `port: 8080`.
        case plain
        /// `'text'`.
        case singleQuoted
        /// `"text"`, with escapes.
        case doubleQuoted
        /// A `|` block scalar.
        case literal
        /// A `>` block scalar.
        case folded
    }

    /// The scalar's content after escapes, folding and chomping.
    public var text: String
    /// How it was written.
    public var style: Style
    /// The explicit tag (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`), when one was given.
    public var tag: String?
    /// Its value under the core schema: plain scalars resolve to null/bool/int/float/string,
    /// quoted and block scalars are strings, and an explicit tag decides when present.
    public var coreValue: YAMLCoreValue

    /// Creates a scalar.
    public init(text: String, style: Style, tag: String? = nil, coreValue: YAMLCoreValue) {
        self.text = text
        self.style = style
        self.tag = tag
        self.coreValue = coreValue
    }
}

/// A scalar's value under the YAML 1.2 core schema.
public enum YAMLCoreValue: Sendable, Equatable {
    /// `~`, `null`, `Null`, `NULL`, or nothing at all.
    case null
    /// `true`/`True`/`TRUE`, `false`/`False`/`FALSE`.
    case bool(Bool)
    /// Decimal, `0o` octal or `0x` hexadecimal, within Int64.
    case int(Int64)
    /// `1.5`, `1e3`, `.inf`, `-.Inf`, `.nan`, …
    case float(Double)
    /// Anything else, and every quoted or block scalar.
    case string(String)
}
