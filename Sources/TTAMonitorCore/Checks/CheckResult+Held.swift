/// A result held back by flap suppression. The typed fields (`probedStatus`, `softCount`)
/// are the source of truth; the details keys that JSON output has always shown
/// (`probed_status`, `soft_count`, `threshold`) are written from them here and nowhere else.
extension CheckResult {
    /// Reports `reported` instead of the probed status, counting `softCount` of `threshold`.
    mutating func hold(at reported: CheckStatus, softCount count: Int, threshold: Int) {
        let probed = status
        status = reported
        probedStatus = probed
        softCount = count
        let label = probed == .ok ? "recovering" : "soft \(probed)"
        message = "\(label) (\(count) of \(threshold)): \(message)"
        details = details.setting("probed_status", .string(probed.description))
            .setting("soft_count", .int(Int64(count))).setting("threshold", .int(Int64(threshold)))
    }
}
