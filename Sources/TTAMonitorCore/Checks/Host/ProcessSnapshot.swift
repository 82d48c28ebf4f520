/// One matching process as seen at one moment.
struct ProcessSnapshot: Sendable {
    var pid: Int32
    /// User + system CPU time so far, in clock ticks.
    var cpuTicks: Int64
    /// Resident memory in bytes; nil when the kernel reports none.
    var residentBytes: Int64?
    /// When `cpuTicks` was read.
    var takenAt: ContinuousClock.Instant
}
