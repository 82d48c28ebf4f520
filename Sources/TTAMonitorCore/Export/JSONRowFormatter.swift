/// JSON exports, streamed row by row.
///
/// `json`: one document — `schema_version`, `report`, `since`, `until`, `generated_at`,
/// `host`, `columns`, then `rows` (one object per row, one per line) and `row_count`.
/// `jsonl`: the same header fields as the first line (with `"type": "header"`), then one
/// object per row per line; nothing follows the last row, so the output can be cut anywhere
/// between lines and still parse line by line.
struct JSONRowFormatter: ExportRowFormatter {
    /// True for JSON Lines.
    var lines: Bool

    func begin(columns: [ExportColumn], header: ExportHeader, into sink: ExportSink) throws(OutputError) {
        var members: [(String, JSONValue)] = []
        if lines { members.append(("type", .string("header"))) }
        members += [
            ("schema_version", .int(1)),
            ("report", .string(header.report.rawValue)),
            ("since", .string(Timestamps.rfc3339(milliseconds: header.period.since))),
            ("until", .string(Timestamps.rfc3339(milliseconds: header.period.until))),
            ("generated_at", .string(Timestamps.rfc3339(milliseconds: header.generatedAt))),
            ("host", .string(header.host)),
            ("columns", .array(columns.map { .string($0.name) })),
        ]
        if lines {
            try sink.write(JSONWriter.render(.object(members), pretty: false) + "\n")
            return
        }
        var text = "{\n"
        for (name, value) in members {
            text += "  " + JSONWriter.render(.string(name), pretty: false) + ": " + JSONWriter.render(value, pretty: false) + ",\n"
        }
        text += "  \"rows\": ["
        try sink.write(text)
    }

    func beginRow(first: Bool, into sink: ExportSink) {
        if !lines {
            if !first { sink.buffer.append(44) }
            sink.buffer.append(contentsOf: "\n    ".utf8)
        }
        sink.buffer.append(123)
    }

    func field(_ cell: ExportCell, column: ExportColumn, index: Int, into sink: ExportSink) {
        key(column, index: index, into: sink)
        switch cell {
        case .null: sink.buffer.append(contentsOf: "null".utf8)
        case .integer(let value): ExportBytes.appendInteger(value, to: &sink.buffer)
        case .real(let value):
            if value.isFinite { ExportBytes.appendReal(value, to: &sink.buffer) } else { sink.buffer.append(contentsOf: "null".utf8) }
        case .timestamp(let value):
            sink.buffer.append(34)
            ExportBytes.appendRFC3339(value, to: &sink.buffer)
            sink.buffer.append(34)
        case .status(let value):
            sink.buffer.append(34)
            sink.buffer.append(contentsOf: ExportBytes.statusName(value).utf8)
            sink.buffer.append(34)
        case .boolean(let value): sink.buffer.append(contentsOf: (value ? "true" : "false").utf8)
        case .text(let text):
            var text = text
            text.withUTF8 { appendString(UnsafeRawBufferPointer($0), into: &sink.buffer) }
        case .json(let text):
            var text = text
            text.withUTF8 { appendJSON(UnsafeRawBufferPointer($0), into: &sink.buffer) }
        }
    }

    func textField(_ bytes: UnsafeRawBufferPointer, column: ExportColumn, index: Int, into sink: ExportSink) {
        key(column, index: index, into: sink)
        if column.kind == .json { appendJSON(bytes, into: &sink.buffer) } else { appendString(bytes, into: &sink.buffer) }
    }

    func endRow(into sink: ExportSink) throws(OutputError) {
        sink.buffer.append(125)
        if lines { sink.buffer.append(10) }
        try sink.flushIfFull()
    }

    func end(rowCount: Int, into sink: ExportSink) throws(OutputError) {
        guard !lines else { return }
        try sink.write((rowCount > 0 ? "\n  ],\n" : "],\n") + "  \"row_count\": \(rowCount)\n}\n")
    }

    private func key(_ column: ExportColumn, index: Int, into sink: ExportSink) {
        if index > 0 { sink.buffer.append(44) }
        sink.buffer.append(34)
        sink.buffer.append(contentsOf: column.name.utf8)
        sink.buffer.append(contentsOf: "\":".utf8)
    }

    /// Stored JSON (details, labels) is embedded as is: our own writer produced it. Empty
    /// text is not JSON and becomes `null`.
    private func appendJSON(_ bytes: UnsafeRawBufferPointer, into buffer: inout [UInt8]) {
        if bytes.isEmpty { buffer.append(contentsOf: "null".utf8) } else { buffer.append(contentsOf: bytes) }
    }

    /// A JSON string per RFC 8259: quote, backslash and control characters escaped. The
    /// bytes are UTF-8 from SQLite; anything above 0x7F passes through unchanged.
    private func appendString(_ bytes: UnsafeRawBufferPointer, into buffer: inout [UInt8]) {
        buffer.append(34)
        for byte in bytes {
            switch byte {
            case 34: buffer.append(92); buffer.append(34)
            case 92: buffer.append(92); buffer.append(92)
            case 10: buffer.append(92); buffer.append(110)
            case 13: buffer.append(92); buffer.append(114)
            case 9: buffer.append(92); buffer.append(116)
            case 0..<32:
                buffer.append(contentsOf: "\\u00".utf8)
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 15)])
            default: buffer.append(byte)
            }
        }
        buffer.append(34)
    }
}
