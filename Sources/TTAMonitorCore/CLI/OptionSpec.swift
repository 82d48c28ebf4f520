/// One option a command accepts.
public struct OptionSpec: Sendable {
    /// The long name without dashes (`format`); the key options are looked up by.
    public var name: String
    /// A one-letter alias (`q` for `-q`), if any.
    public var short: Character?
    /// The placeholder shown in help (`<format>`); nil for a flag that takes no value.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// Values the option accepts; nil for free text.
    public var allowedValues: [String]?
    /// Whether the option may be given more than once (values accumulate).
    public var repeatable: Bool

    /// Creates an option.
    public init(_ name: String, short: Character? = nil, value: String? = nil, help: String,
                allowed: [String]? = nil, repeatable: Bool = false) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.allowedValues = allowed
        self.repeatable = repeatable
    }

    /// Creates an option named by a command's key, so the table and the command that reads
    /// the option spell its name once.
    public init<Key: OptionKey>(_ key: Key, short: Character? = nil, value: String? = nil, help: String,
                                allowed: [String]? = nil, repeatable: Bool = false) {
        self.init(key.rawValue, short: short, value: value, help: help, allowed: allowed, repeatable: repeatable)
    }

    /// `--format <format>` or `-q, --quiet`, as help and errors show it.
    public var synopsis: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(name)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }

    /// `--format <format>` without the short alias, for error messages.
    public var longSynopsis: String {
        valueName.map { "--\(name) <\($0)>" } ?? "--\(name)"
    }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// The placeholder (`name`, shown as `<name>`).
    public var name: String
    /// One line of help.
    public var help: String
    /// Whether any number (including none) may be given.
    public var variadic: Bool
    /// Whether at least one must be given.
    public var required: Bool

    /// Creates an argument.
    public init(_ name: String, help: String, variadic: Bool = false, required: Bool = false) {
        self.name = name
        self.help = help
        self.variadic = variadic
        self.required = required
    }
}
