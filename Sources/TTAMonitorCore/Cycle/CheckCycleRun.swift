/// What one run of the check cycle produced.
struct CheckCycleRun {
    /// The results as reported (after thresholds and `depends_on`), in the checks' order.
    var results: [CheckResult]
    /// The stored run's id; nil when nothing was stored.
    var runID: Int64?
    /// When probing started and the results were settled (ms since the Unix epoch).
    var startedAt: Int64
    var finishedAt: Int64
}
