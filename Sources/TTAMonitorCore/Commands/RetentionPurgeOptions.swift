/// The options of one `retention purge` invocation, read by key (`CommandOptions.RetentionPurge`).
struct RetentionPurgeOptions: Sendable {
    /// `--dataset`: which datasets to purge (default: all of them, in their usual order).
    var datasets: [RetentionConfig.Dataset]
    /// `--dry-run`: say what a real run would remove, remove nothing.
    var dryRun: Bool

    /// Reads the options. The table allows only dataset names, so none is dropped here.
    init(invocation: ParsedInvocation) {
        let names = invocation.list(CommandOptions.RetentionPurge.dataset)
        datasets = names.isEmpty ? RetentionConfig.Dataset.allCases : names.compactMap(RetentionConfig.Dataset.init(rawValue:))
        dryRun = invocation.flag(CommandOptions.RetentionPurge.dryRun)
    }
}
