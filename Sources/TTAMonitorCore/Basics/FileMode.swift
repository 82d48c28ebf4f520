#if canImport(Glibc)
import Glibc
#endif

/// Permissions of the files tta-monitor writes. They hold monitoring data (internal host
/// names, error texts, alert history), so by default only their owner may read them;
/// `monitoring.storage.mode` may open them to a group (e.g. 0640 for a textfile collector
/// that runs as another user in the file's group).
public enum FileMode {
    /// Owner read and write only.
    public static let privateData: mode_t = 0o600
    /// The widest mode `monitoring.storage.mode` accepts: no execute bits, nobody but the
    /// owner and the group writes.
    static let widest: mode_t = 0o664

    /// Parses an octal mode such as `0640` or `0o640`; nil unless the owner can read and
    /// write and no bit outside `widest` is set.
    static func parse(_ text: String) -> mode_t? {
        var digits = Substring(text)
        if digits.hasPrefix("0o") || digits.hasPrefix("0O") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 4, let value = mode_t(digits, radix: 8) else { return nil }
        guard value & 0o600 == 0o600, value & ~widest == 0 else { return nil }
        return value
    }

    /// `0640`-style text for messages.
    static func text(_ mode: mode_t) -> String {
        let octal = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }
}
