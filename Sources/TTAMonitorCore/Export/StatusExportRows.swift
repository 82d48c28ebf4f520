/// The `status` report as rows: one per component, its current state and the period's
/// availability and latency.
enum StatusExportRows {
    /// Columns of the `status` report.
    static let columns = [
        ExportColumn("check", .text), ExportColumn("kind", .text), ExportColumn("critical", .boolean),
        ExportColumn("status", .status), ExportColumn("status_since", .timestamp), ExportColumn("last_result_at", .timestamp),
        ExportColumn("results", .integer), ExportColumn("up", .integer), ExportColumn("unknown", .integer),
        ExportColumn("availability_percent", .real), ExportColumn("latency_p50_ms", .real),
        ExportColumn("latency_p95_ms", .real), ExportColumn("last_latency_ms", .real), ExportColumn("message", .text),
    ]

    /// One row per component of `snapshot`.
    static func cells(_ snapshot: ExportSnapshot) -> [[ExportCell]] {
        snapshot.components.map { summary in
            let state = summary.state
            return [
                .text(state.name), .text(state.kind), .boolean(state.critical),
                state.lastStatus.map { .status(Int64($0.rawValue)) } ?? .null,
                state.statusSince.map(ExportCell.timestamp) ?? .null, state.lastTimestamp.map(ExportCell.timestamp) ?? .null,
                .integer(Int64(summary.total)), .integer(Int64(summary.up)), .integer(Int64(summary.unknown)),
                summary.availabilityPercent.map(ExportCell.real) ?? .null, summary.p50.map(ExportCell.real) ?? .null,
                summary.p95.map(ExportCell.real) ?? .null, summary.lastLatency.map(ExportCell.real) ?? .null,
                state.lastMessage.map(ExportCell.text) ?? .null,
            ]
        }
    }

    /// The statement's current row as cells (for the PDF tables, which hold few rows).
    static func cells(of statement: Statement, columns: [ExportColumn]) -> [ExportCell] {
        columns.enumerated().map { index, column in
            let position = Int32(index)
            if statement.isNull(position) { return .null }
            switch column.kind {
            case .integer: return .integer(statement.int(position))
            case .real: return .real(statement.double(position))
            case .timestamp: return .timestamp(statement.int(position))
            case .status: return .status(statement.int(position))
            case .boolean: return .boolean(statement.int(position) != 0)
            case .text: return .text(statement.text(position) ?? "")
            case .json: return .json(statement.text(position) ?? "")
            }
        }
    }
}
