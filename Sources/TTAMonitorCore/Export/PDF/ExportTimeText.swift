/// Times and numbers as the PDF shows them to people.
enum ExportTimeText {
    /// `2026-11-23 10:34 UTC`.
    static func full(_ milliseconds: Int64) -> String {
        let text = Timestamps.rfc3339(milliseconds: milliseconds)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// `2026-11-23 10:34:05` for table cells, whose header says UTC.
    static func table(_ milliseconds: Int64) -> String {
        let text = Timestamps.rfc3339(milliseconds: milliseconds)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8))
    }

    /// An axis label: `11-23 10:00` for spans up to a few days, `2026-11-23` beyond.
    static func short(_ milliseconds: Int64, span: Int64) -> String {
        let text = Timestamps.rfc3339(milliseconds: milliseconds)
        if span > 4 * 86_400_000 { return String(text.prefix(10)) }
        return String(text.dropFirst(5).prefix(5)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// `99.95 %`, or `100 %` when nothing failed.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value >= 100 { return "100 %" }
        return Timestamps.formatFixed(min(value, 99.99), digits: 2) + " %"
    }
}
