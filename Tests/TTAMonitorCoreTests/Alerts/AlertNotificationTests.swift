import Testing
@testable import TTAMonitorCore

@Suite("Alert notification payload")
struct AlertNotificationTests {
    @Test("the stored form reads back to the same notification, labels sorted")
    func roundTrip() throws {
        var note = AlertNotification(event: .resolved, alertID: 7, fingerprint: "abc", rule: "component-down", kind: "status",
                                     component: "redis", severity: "critical", state: "resolved",
                                     labels: [("team", "platform"), ("alertname", "component-down")],
                                     summary: "redis is down", runbookURL: "https://runbooks/redis", value: 3, threshold: 3,
                                     startsAt: 1_700_000_000_000, endsAt: 1_700_000_600_000, escalationLevel: 1,
                                     createdAt: 1_700_000_600_001)
        note.notificationID = 42
        let back = try #require(AlertNotification(stored: note.storedJSON, notificationID: 42))
        #expect(back == note)
        #expect(back.labels.map(\.0) == ["alertname", "team"])
        #expect(note.json["ends_at"] == .string("2023-11-14T22:23:20.000Z"))
    }

    @Test("a payload that is not a notification is refused, not guessed at")
    func malformed() {
        #expect(AlertNotification(stored: "{\"event\":\"firing\"}", notificationID: 1) == nil)
        #expect(AlertNotification(stored: "not json", notificationID: 1) == nil)
    }
}
