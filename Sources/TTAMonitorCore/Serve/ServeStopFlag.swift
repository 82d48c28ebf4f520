import Synchronization

/// Set once serve is stopping: loops start no new run after it.
final class ServeStopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Sets the flag; true for the first caller only.
    func set() -> Bool { !flag.exchange(true, ordering: .acquiringAndReleasing) }

    /// Whether serve is stopping.
    var isSet: Bool { flag.load(ordering: .acquiring) }
}
