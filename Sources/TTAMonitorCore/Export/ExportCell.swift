/// One value of an exported row, typed so each format can spell it properly.
enum ExportCell: Sendable, Equatable {
    /// No value (empty in CSV, `null` in JSON).
    case null
    /// A whole number.
    case integer(Int64)
    /// A measurement.
    case real(Double)
    /// Text.
    case text(String)
    /// Milliseconds since the epoch, written as RFC 3339 UTC.
    case timestamp(Int64)
    /// A check status code, written as its name (`OK`, `WARNING`, …).
    case status(Int64)
    /// A flag (`true`/`false`).
    case boolean(Bool)
    /// Text that is itself a JSON document (stored details, labels): embedded as is in JSON.
    case json(String)
}

/// How a column's stored value is to be read and written.
enum ExportColumnKind: Sendable {
    /// INTEGER, written as a number.
    case integer
    /// REAL, written as a number (non-finite as no value).
    case real
    /// TEXT, written as a string.
    case text
    /// INTEGER ms since the epoch, written as RFC 3339 UTC.
    case timestamp
    /// INTEGER status code, written as its name.
    case status
    /// INTEGER 0/1, written as false/true.
    case boolean
    /// TEXT holding JSON, embedded as JSON (a string in CSV).
    case json
}

/// A named, typed column of an export.
struct ExportColumn: Sendable {
    /// The snake_case name (CSV header, JSON key).
    var name: String
    /// How to read and write it.
    var kind: ExportColumnKind

    init(_ name: String, _ kind: ExportColumnKind) {
        self.name = name
        self.kind = kind
    }
}
