/// Turns one record of an emissions file into a `CarbonRun`, or says why it cannot.
///
/// Values are stored as CodeCarbon computed them: `emissions` is not recomputed from our
/// intensity table, and `energy_consumed` already includes CodeCarbon's PUE. Numbers are
/// parsed with `Double(_:)` (correctly rounded, as Python's `float()`), so sums over the
/// stored rows equal plain sums over the CSV column.
struct CodeCarbonRowParser {
    let header: CodeCarbonHeader
    /// The file's path as given, stored with each row.
    let file: String
    /// "Now" (ms since the epoch), for refusing rows from the future.
    var now: Int64 = WallClock.nowMilliseconds()

    /// How far past "now" a row's timestamp may lie: CodeCarbon writes local time, which
    /// can be up to 14 hours off UTC; a day more than covers that and a skewed clock.
    static let futureToleranceMs: Int64 = 86_400_000

    /// The run for `record`, or the reason the row is skipped.
    func parse(_ record: CSVReader.Record) -> Result<CarbonRun, CSVReader.Malformed> {
        func failure(_ reason: String) -> Result<CarbonRun, CSVReader.Malformed> {
            .failure(CSVReader.Malformed(line: record.line, reason: reason))
        }
        guard record.fields.count == header.names.count else {
            return failure("\(record.fields.count) fields where the header has \(header.names.count)")
        }
        func value(_ column: CodeCarbonColumn) -> String? {
            header.positions[column].map { record.fields[$0].trimmingWhitespace() }
        }
        guard let stamp = value(.timestamp), let ts = LocalTime.parse(stamp) else {
            return failure("timestamp '\(value(.timestamp) ?? "")' is not a date and time")
        }
        // A row dated ahead would sit in a future day's total, outside every report until then.
        guard ts <= now + Self.futureToleranceMs else {
            return failure("timestamp '\(stamp)' is in the future")
        }
        var run = CarbonRun(source: .codecarbon, rowKey: "", sourceFile: file, sourceLine: record.line,
                            ts: ts, localDay: LocalTime.day(ts))
        for column in CodeCarbonColumn.allCases where column != .timestamp {
            guard let text = value(column), !text.isEmpty else {
                if CodeCarbonColumn.required.contains(column) { return failure("\(column.rawValue) is empty") }
                continue
            }
            if column.isNumeric {
                switch CodeCarbonNumber.parse(text, column: column) {
                case .success(let number): run.numbers[column.storeColumn] = number
                case .failure(let refusal): return failure(refusal.reason)
                }
            } else {
                run.texts[column.storeColumn] = text
            }
        }
        // CodeCarbon has no model column: the project name is what names the tracked work.
        if let project = run.texts["project"] { run.texts["model"] = project }
        let extras = header.extraPositions.map { (header.names[$0], JSONValue.string(record.fields[$0])) }
        if !extras.isEmpty { run.extra = JSONWriter.render(.object(extras), pretty: false) }
        run.rowKey = "codecarbon:" + Self.digest(zip(header.names, record.fields).sorted { $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "\u{1F}"))
        return .success(run)
    }

    /// 128 bits of FNV-1a (two 64-bit passes with different offsets) as hex: the same row
    /// yields the same key in any file, whatever its column order.
    static func digest(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second << 7) | (second >> 57)
        }
        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return hex(first) + hex(second)
    }
}
