/// The identity of one alert condition: rule, check and the rule's labels, so the same
/// condition seen by many runs stays one alert.
enum AlertFingerprint {
    /// 16 hex digits of FNV-1a 64 over `rule`, `check` and the sorted labels, separated by
    /// NUL bytes so that no two different inputs run together.
    static func of(rule: String, check: String?, labels: [(String, String)]) -> String {
        var parts = [rule, check ?? ""]
        for (key, value) in labels.sorted(by: { $0.0 < $1.0 }) { parts.append("\(key)=\(value)") }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
