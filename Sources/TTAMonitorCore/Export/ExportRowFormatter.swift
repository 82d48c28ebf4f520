import CSQLite

/// Writes rows in one format (CSV, JSON, JSONL) to a sink, from values or straight from a
/// stepped statement (whose text columns are copied as bytes, never as Strings).
protocol ExportRowFormatter {
    /// Writes whatever precedes the rows (a CSV header, the JSON envelope).
    func begin(columns: [ExportColumn], header: ExportHeader, into sink: ExportSink) throws(OutputError)
    /// Starts a row; `first` is true for the first row of the export.
    func beginRow(first: Bool, into sink: ExportSink)
    /// Writes one field of the current row; `index` is its column position.
    func field(_ cell: ExportCell, column: ExportColumn, index: Int, into sink: ExportSink)
    /// Writes one text field given as UTF-8 bytes.
    func textField(_ bytes: UnsafeRawBufferPointer, column: ExportColumn, index: Int, into sink: ExportSink)
    /// Ends a row.
    func endRow(into sink: ExportSink) throws(OutputError)
    /// Writes whatever follows the rows.
    func end(rowCount: Int, into sink: ExportSink) throws(OutputError)
}

extension ExportRowFormatter {
    /// Writes a row of values.
    func row(_ cells: [ExportCell], columns: [ExportColumn], first: Bool, into sink: ExportSink) throws(OutputError) {
        beginRow(first: first, into: sink)
        for (index, cell) in cells.enumerated() {
            field(cell, column: columns[index], index: index, into: sink)
        }
        try endRow(into: sink)
    }

    /// Writes the statement's current row; column i of the statement is `columns[i]`.
    func row(from statement: Statement, columns: [ExportColumn], first: Bool, into sink: ExportSink) throws(OutputError) {
        beginRow(first: first, into: sink)
        for (index, column) in columns.enumerated() {
            let position = Int32(index)
            if statement.isNull(position) {
                field(.null, column: column, index: index, into: sink)
                continue
            }
            switch column.kind {
            case .integer: field(.integer(statement.int(position)), column: column, index: index, into: sink)
            case .real: field(.real(statement.double(position)), column: column, index: index, into: sink)
            case .timestamp: field(.timestamp(statement.int(position)), column: column, index: index, into: sink)
            case .status: field(.status(statement.int(position)), column: column, index: index, into: sink)
            case .boolean: field(.boolean(statement.int(position) != 0), column: column, index: index, into: sink)
            case .text, .json:
                let pointer = sqlite3_column_text(statement.handle, position)
                let count = Int(sqlite3_column_bytes(statement.handle, position))
                textField(UnsafeRawBufferPointer(start: pointer, count: count), column: column, index: index, into: sink)
            }
        }
        try endRow(into: sink)
    }
}

/// What every JSON export states about itself.
struct ExportHeader: Sendable {
    /// The report exported.
    var report: ExportReportKind
    /// The period covered.
    var period: ExportPeriod
    /// When the export was made (ms).
    var generatedAt: Int64
    /// The host it was made on.
    var host: String
}
