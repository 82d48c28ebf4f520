/// Splits RFC 4180 CSV text into records: quoted fields may hold commas, doubled quotes and
/// line breaks; CRLF and LF both end a record. Each record carries the physical line it
/// starts on (1-based), so problems are reported where an editor shows them, even after a
/// quoted field spanning several lines.
struct CSVReader {
    /// One record and where it starts.
    struct Record: Equatable {
        /// The fields, unquoted.
        var fields: [String]
        /// Physical line number (1-based) of the record's first character.
        var line: Int
    }

    /// A record that cannot be split: a quote that never closes, or text after a closing quote.
    struct Malformed: Error, Equatable {
        /// Physical line of the record's start.
        var line: Int
        /// What is wrong.
        var reason: String
    }

    /// Either a record or the reason its text could not be read; reading resumes after it.
    typealias Item = Result<Record, Malformed>

    /// Every record of `text`. Blank lines between records are skipped. A malformed record
    /// ends at the end of its physical line so that the following records are still read
    /// (an unterminated quote swallows the rest of the file, which is then one error).
    static func records(_ text: String) -> [Item] {
        let bytes = Array(text.utf8)
        var items: [Item] = []
        var index = 0
        var line = 1
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while index < bytes.count {
            // Skip blank lines (CodeCarbon never writes them; editors sometimes leave one at the end).
            if bytes[index] == lf { line += 1; index += 1; continue }
            if bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf { line += 1; index += 2; continue }
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var failure: String?
            recordLoop: while true {
                if index < bytes.count, bytes[index] == quote {
                    // Quoted field.
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                field.append(quote); index += 2; continue
                            }
                            index += 1; closed = true; break
                        }
                        if byte == lf { line += 1 }
                        field.append(byte); index += 1
                    }
                    if !closed { failure = "a quoted field is not closed"; break recordLoop }
                    // After the closing quote only a comma or a line end (LF or CRLF) may follow; a
                    // lone CR would end the record without starting a new line (found by fuzzing).
                    let endsLine = index < bytes.count && (bytes[index] == lf
                        || (bytes[index] == cr && (index + 1 == bytes.count || bytes[index + 1] == lf)))
                    if index < bytes.count, bytes[index] != comma, !endsLine {
                        failure = "text after a closing quote"; break recordLoop
                    }
                } else {
                    while index < bytes.count, bytes[index] != comma, bytes[index] != lf {
                        if bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf { break }
                        if bytes[index] == quote { failure = "a quote inside an unquoted field"; break recordLoop }
                        field.append(bytes[index]); index += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if index >= bytes.count { break }
                if bytes[index] == comma { index += 1; continue }
                if bytes[index] == cr { index += 1 }
                if index < bytes.count, bytes[index] == lf { index += 1; line += 1 }
                break
            }
            if let failure {
                items.append(.failure(Malformed(line: startLine, reason: failure)))
                // Resume on the next physical line.
                while index < bytes.count, bytes[index] != lf { index += 1 }
                if index < bytes.count { index += 1; line += 1 }
                continue
            }
            items.append(.success(Record(fields: fields, line: startLine)))
        }
        return items
    }
}
