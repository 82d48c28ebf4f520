/// `monitoring.schedule`: daily jobs that `serve` runs itself, at a local time, instead of
/// cron: `retention_purge` (what `tta-monitor retention purge` does).
public struct ScheduleConfig: Sendable, Equatable {
    /// When to purge what is past its retention window; nil: never (cron may do it).
    public var retentionPurge: DailyTime?

    /// No daily jobs.
    public init() {}

    static func read(_ reader: inout MappingReader) throws(ConfigError) -> ScheduleConfig {
        var config = ScheduleConfig()
        config.retentionPurge = try time(&reader, "retention_purge")
        try reader.finish()
        return config
    }

    private static func time(_ reader: inout MappingReader, _ key: String) throws(ConfigError) -> DailyTime? {
        guard let node = reader.node(key) else { return nil }
        let text = try reader.string(node, path: reader.keyPath(key))
        guard let time = DailyTime(text) else {
            throw reader.error("'\(reader.keyPath(key))' must be a local time of day as HH:MM (00:00 to 23:59), got '\(text)'", at: node)
        }
        return time
    }
}
