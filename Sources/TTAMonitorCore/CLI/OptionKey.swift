/// The name of an option as a command reads it: a case of that command's key enum in
/// `CommandOptions`. Commands look options up by key, never by string, so a misspelt option
/// name does not compile (a string lookup compiled and silently fell back to the default).
public protocol OptionKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {}
