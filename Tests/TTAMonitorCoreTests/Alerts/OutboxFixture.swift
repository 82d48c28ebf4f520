import Foundation
import Synchronization
@testable import TTAMonitorCore

/// A database and config for delivery tests: notifications go into the outbox by plain SQL,
/// as the alert engine writes them, so delivery is tested without the engine.
final class OutboxFixture {
    let directory: TemporaryDirectory
    let database: Database
    var config: MonitoringConfig

    /// `channels` is the YAML list under `monitoring.alerts.channels`, indented by 6.
    init(channels: String, environment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory()
        database = try Database(path: directory.file("monitor.db"))
        config = try ConfigLoader(environment: environment)
            .load(text: "monitoring:\n  alerts:\n    channels:\n" + channels, path: directory.file("tta.yaml"))
    }

    /// A firing (or other) notification about `component`.
    static func notification(_ event: AlertNotification.Event = .firing, rule: String = "component-down",
                             component: String = "redis", summary: String = "redis is down",
                             alertID: Int64? = nil, at now: Int64 = 1_700_000_000_000) -> AlertNotification {
        AlertNotification(event: event, alertID: alertID, fingerprint: "\(rule)/\(component)", rule: rule, kind: "status",
                          component: component, severity: "critical", state: event == .resolved ? "resolved" : "firing",
                          labels: [("alertname", rule), ("component", component), ("severity", "critical"), ("team", "platform")],
                          summary: summary, runbookURL: "https://runbooks.example/\(rule)", value: 3, threshold: 3,
                          startsAt: now - 180_000, endsAt: event == .resolved ? now : nil, createdAt: now)
    }

    /// Inserts an outbox row due at `dueAt`; returns its id.
    @discardableResult
    func enqueue(_ notification: AlertNotification, channel: String, dueAt: Int64 = 0) throws -> Int64 {
        try database.prepare("""
            INSERT INTO notifications (alert_id, channel, event, payload, created_at, attempts, next_attempt_at)
            VALUES (NULL, ?, ?, ?, ?, 0, ?)
            """).run([.text(channel), .text(notification.event.rawValue), .text(notification.storedJSON),
                      .integer(notification.createdAt), .integer(dueAt)])
        return database.lastInsertRowID
    }

    /// One delivery pass at `now`.
    func deliver(now: Int64 = 1_700_000_000_000) async throws -> OutboxDelivery.Report {
        try await OutboxDelivery(database: database, config: config, now: now, environment: [:]).deliverDue()
    }

    /// `(delivered_at, attempts, next_attempt_at, last_error)` of row `id`.
    func row(_ id: Int64) throws -> (deliveredAt: Int64?, attempts: Int64, nextAttemptAt: Int64, lastError: String?) {
        let statement = try database.prepare("SELECT delivered_at, attempts, next_attempt_at, last_error FROM notifications WHERE id = ?")
        try statement.bind([.integer(id)])
        guard try statement.step() else { throw CocoaError(.fileNoSuchFile) }
        return (statement.optionalInt(0), statement.int(1), statement.int(2), statement.text(3))
    }
}

/// Records every request a `LocalHTTPServer` receives and answers with `status`.
final class RequestRecorder: Sendable {
    private let recorded = Mutex<[LocalHTTPServer.Request]>([])
    private let status: Int

    init(status: Int = 200) { self.status = status }

    var requests: [LocalHTTPServer.Request] { recorded.withLock { $0 } }

    var handler: @Sendable (LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        { [self] request in
            recorded.withLock { $0.append(request) }
            return LocalHTTPServer.Response(status: status, body: status == 200 ? "ok" : "receiver says no")
        }
    }

    /// Every `notification_id` in the generic bodies received, in order.
    func notificationIDs() throws -> [Int64] {
        try requests.flatMap { request -> [Int64] in
            guard case .array(let items)? = try JSONParser.parse(request.bodyText)["notifications"] else { return [] }
            return items.compactMap { $0["notification_id"]?.number.map { Int64($0) } }
        }
    }
}
