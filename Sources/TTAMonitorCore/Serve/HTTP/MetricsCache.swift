import Synchronization

/// The last /metrics snapshot and its rendered pages, reused for `maxAgeMs`. A snapshot
/// reads each check's 24-hour availability, which over 1,000 checks is a scan of every
/// result of the day; scrapes that arrive together (several Prometheus servers, a
/// benchmark's 50 clients) share one. While one request reads a new snapshot, the others
/// get the previous page rather than queueing behind it, so only that request pays.
final class MetricsCache: Sendable {
    /// How long a snapshot is served; well under Prometheus's usual 15 s scrape interval.
    let maxAgeMs: Int64
    private struct Entry {
        var snapshot: ExportSnapshot
        var readAt: Int64
        /// Rendered pages by dialect (true: OpenMetrics).
        var pages: [Bool: String] = [:]
    }
    private let state = Mutex<(entry: Entry?, refreshing: Bool)>((nil, false))

    init(maxAgeMs: Int64 = 2_000) { self.maxAgeMs = maxAgeMs }

    /// The page in `openMetrics`' dialect from a snapshot no older than `maxAgeMs` — or,
    /// while another request reads one, from the previous snapshot. `read` runs without
    /// the lock.
    func page(openMetrics: Bool, now: Int64, read: () throws(APIError) -> ExportSnapshot) throws(APIError) -> String {
        let cached = state.withLock { state -> Entry? in
            if let entry = state.entry, now - entry.readAt < maxAgeMs || state.refreshing { return entry }
            state.refreshing = true
            return nil
        }
        if let cached {
            if let page = cached.pages[openMetrics] { return page }
            let page = ExportMetrics.render(cached.snapshot, openMetrics: openMetrics)
            state.withLock { if $0.entry?.readAt == cached.readAt { $0.entry?.pages[openMetrics] = page } }
            return page
        }
        let fresh: ExportSnapshot
        do {
            fresh = try read()
        } catch {
            state.withLock { $0.refreshing = false }
            throw error
        }
        let page = ExportMetrics.render(fresh, openMetrics: openMetrics)
        state.withLock { $0 = (Entry(snapshot: fresh, readAt: now, pages: [openMetrics: page]), false) }
        return page
    }
}
