#if canImport(Glibc)
import Glibc
#endif
// libFuzzer harness for the CodeCarbon CSV importer's reader and row parser. Build and run:
// see Tests/Fuzz/README.md.
//
// Beyond "never crashes or hangs": records come out in order with line numbers inside the
// text, and any record that was read, written back with RFC 4180 quoting, reads back to
// the same fields. When the first record is a usable header, every other record either
// parses into a run or is reported as malformed on its own line.

@_cdecl("LLVMFuzzerTestOneInput")
public func codeCarbonCSVFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let lines = bytes.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
    let items = CSVReader.records(text)
    var previous = 0
    for item in items {
        let line: Int
        switch item {
        case .success(let record):
            line = record.line
            let again = CSVReader.records(encode(record.fields))
            if !(record.fields.count == 1 && record.fields[0].isEmpty) {
                guard case .success(let back)? = again.first, again.count == 1 else {
                    require(false, "fields \(record.fields) do not survive a round trip: \(again)"); return 0
                }
                require(back.fields == record.fields, "round trip changed \(record.fields) into \(back.fields)")
            }
        case .failure(let malformed):
            line = malformed.line
            require(!malformed.reason.isEmpty)
        }
        require(line >= 1 && line <= lines, "line \(line) of \(lines)")
        require(line > previous, "line \(line) after \(previous)")
        previous = line
    }
    guard case .success(let headerRecord)? = items.first,
          case .success(let header) = CodeCarbonHeader.parse(headerRecord.fields) else { return 0 }
    let parser = CodeCarbonRowParser(header: header, file: "fuzz.csv")
    for item in items.dropFirst() {
        guard case .success(let record) = item else { continue }
        switch parser.parse(record) {
        case .success(let run): require(!run.rowKey.isEmpty)
        case .failure(let malformed): require(malformed.line == record.line && !malformed.reason.isEmpty)
        }
    }
    return 0
}

/// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. Works on
/// bytes: a quote followed by a combining mark is one Swift Character, but two bytes to CSV.
private func encode(_ fields: [String]) -> String {
    var out: [UInt8] = []
    for (index, field) in fields.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        let bytes = Array(field.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            out += bytes
            continue
        }
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }
    out.append(10)
    return String(decoding: out, as: UTF8.self)
}

/// Like `precondition`, but the message survives `-O` (which drops precondition messages).
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "") {
    guard !condition() else { return }
    FileHandleStandardError.write("invariant broken: \(message())\n")
    abort()
}

private enum FileHandleStandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(2, &bytes, bytes.count)
    }
}
