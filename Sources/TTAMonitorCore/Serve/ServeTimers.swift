/// The tasks that only send the writer events at their time: the outbox retry timer, the
/// config file watch, and after a stop the drain and its deadline.
enum ServeTimers {
    /// `.deliver` every `period` and `.reload` when `configPath` changes, until cancelled.
    static func start(events: AsyncStream<ServeEvent>.Continuation, configPath: String,
                      deliveryPeriod: Duration, watchPeriod: Duration) -> [Task<Void, Never>] {
        let delivery = Task<Void, Never> {
            while true {
                do { try await Task.sleep(for: deliveryPeriod) } catch { return }
                events.yield(.deliver)
            }
        }
        let watch = Task<Void, Never> { await ConfigFileStamp.watch(configPath, every: watchPeriod, events: events) }
        return [delivery, watch]
    }

    /// `.drained` once every loop has ended, and `.drainDeadline` after `limit`.
    static func drain(_ loops: [Task<Void, Never>], within limit: Duration, events: AsyncStream<ServeEvent>.Continuation) {
        Task<Void, Never> {
            for loop in loops { await loop.value }
            events.yield(.drained)
        }
        Task<Void, Never> {
            try? await Task.sleep(for: limit)
            events.yield(.drainDeadline)
        }
    }
}
