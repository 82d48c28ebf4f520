/// What became of one command run.
struct CommandOutcome: Sendable {
    /// How the command ended.
    enum Ending: Sendable, Equatable {
        /// It exited with this code.
        case exited(Int32)
        /// A signal it did not handle ended it.
        case signalled(Int32)
        /// Its deadline passed and its process group was stopped.
        case timedOut
        /// It ended, but its exit status was collected by someone else.
        case statusLost
    }

    var ending: Ending
    /// The first bytes of its output (stdout and stderr interleaved as written).
    var output: [UInt8]
    /// How much it wrote in all, kept or not.
    var outputBytes: Int

    var truncated: Bool { outputBytes > output.count }
}
