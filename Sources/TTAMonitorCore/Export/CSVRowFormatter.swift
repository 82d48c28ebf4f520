/// RFC 4180 CSV: a header row, fields separated by commas, records ended by CRLF; a field
/// containing a comma, quote, CR or LF is quoted with its quotes doubled. Timestamps are
/// RFC 3339 UTC, statuses their names, empty fields stand for no value. A text cell that a
/// spreadsheet would run as a formula starts with `'` (see `CSVFormulaGuard`).
struct CSVRowFormatter: ExportRowFormatter {
    func begin(columns: [ExportColumn], header: ExportHeader, into sink: ExportSink) throws(OutputError) {
        for (index, column) in columns.enumerated() {
            if index > 0 { sink.buffer.append(44) }
            appendEscaped(Array(column.name.utf8), into: &sink.buffer)
        }
        sink.buffer.append(13)
        sink.buffer.append(10)
        try sink.flushIfFull()
    }

    func beginRow(first: Bool, into sink: ExportSink) {}

    func field(_ cell: ExportCell, column: ExportColumn, index: Int, into sink: ExportSink) {
        if index > 0 { sink.buffer.append(44) }
        switch cell {
        case .null: break
        case .integer(let value): ExportBytes.appendInteger(value, to: &sink.buffer)
        case .real(let value): if value.isFinite { ExportBytes.appendReal(value, to: &sink.buffer) }
        case .timestamp(let value): ExportBytes.appendRFC3339(value, to: &sink.buffer)
        case .status(let value): sink.buffer.append(contentsOf: ExportBytes.statusName(value).utf8)
        case .boolean(let value): sink.buffer.append(contentsOf: (value ? "true" : "false").utf8)
        case .text(let text), .json(let text):
            var text = text
            text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), into: &sink.buffer) }
        }
    }

    func textField(_ bytes: UnsafeRawBufferPointer, column: ExportColumn, index: Int, into sink: ExportSink) {
        if index > 0 { sink.buffer.append(44) }
        appendEscaped(bytes, into: &sink.buffer)
    }

    func endRow(into sink: ExportSink) throws(OutputError) {
        sink.buffer.append(13)
        sink.buffer.append(10)
        try sink.flushIfFull()
    }

    func end(rowCount: Int, into sink: ExportSink) throws(OutputError) {}

    private func appendEscaped(_ bytes: [UInt8], into buffer: inout [UInt8]) {
        bytes.withUnsafeBytes { appendEscaped($0, into: &buffer) }
    }

    private func appendEscaped(_ bytes: UnsafeRawBufferPointer, into buffer: inout [UInt8]) {
        let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
        let formulaPrefix = CSVFormulaGuard.needsPrefix(bytes)
        guard needsQuotes else {
            if formulaPrefix { buffer.append(39) }
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(34)
        if formulaPrefix { buffer.append(39) }
        for byte in bytes {
            if byte == 34 { buffer.append(34) }
            buffer.append(byte)
        }
        buffer.append(34)
    }
}
