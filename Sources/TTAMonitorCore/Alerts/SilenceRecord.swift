/// One row of `silences`: while active, matching alerts change state and are recorded, but
/// enqueue no notifications.
public struct SilenceRecord: Sendable {
    /// `silences.id`.
    public var id: Int64
    /// The check it covers; nil: every check (then `rule` is set).
    public var component: String?
    /// The rule it covers; nil: every rule.
    public var rule: String?
    /// Times (ms).
    public var createdAt: Int64, expiresAt: Int64, removedAt: Int64?
    /// Why, and who.
    public var comment: String?, createdBy: String?

    /// The columns `init(row:)` reads.
    static let columns = "id, component, rule, created_at, expires_at, removed_at, comment, created_by"

    /// Reads the current row of a statement selecting `columns`, by column name.
    init(row: Row) throws(StoreError) {
        id = try row.int("id")
        component = try row.text("component")
        rule = try row.text("rule")
        createdAt = try row.int("created_at")
        expiresAt = try row.int("expires_at")
        removedAt = try row.optionalInt("removed_at")
        comment = try row.text("comment")
        createdBy = try row.text("created_by")
    }

    /// Whether it silences at `now`.
    func isActive(at now: Int64) -> Bool { removedAt == nil && expiresAt > now }

    /// Whether it covers alerts of `rule` about `component`.
    func matches(rule: String, component: String?) -> Bool {
        (self.component == nil || self.component == component) && (self.rule == nil || self.rule == rule)
    }

    /// The documented JSON form.
    func json(now: Int64) -> JSONValue {
        .object([
            ("id", .int(id)), ("component", .text(component)), ("rule", .text(rule)),
            ("created_at", .string(Timestamps.rfc3339(milliseconds: createdAt))),
            ("expires_at", .string(Timestamps.rfc3339(milliseconds: expiresAt))),
            ("removed_at", removedAt.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
            ("active", .bool(isActive(at: now))), ("comment", .text(comment)), ("created_by", .text(createdBy)),
        ])
    }
}
