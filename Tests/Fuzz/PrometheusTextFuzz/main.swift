// libFuzzer harness for PrometheusTextParser. Build and run: see README.md beside this file.
//
// Beyond "never crashes", it checks two invariants on every input: an error names a line
// that exists, and a parsed 0.0.4 page written back out as text parses to the same
// families again (so grouping, escapes and numbers survive a round trip).

@_cdecl("LLVMFuzzerTestOneInput")
public func prometheusTextFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
    let page: PrometheusExposition
    do {
        page = try PrometheusTextParser.parse(bytes)
    } catch {
        precondition(error.line >= 1 && error.line <= lines, "error on line \(error.line) of \(lines): \(error)")
        precondition(!error.message.isEmpty)
        return 0
    }
    precondition(page.sampleCount <= lines, "\(page.sampleCount) samples from \(lines) lines")
    guard !page.isOpenMetrics else { return 0 }
    let text = render(page)
    do {
        let again = try PrometheusTextParser.parse(text)
        precondition(again.families.map(\.name) == page.families.map(\.name), "families differ after a round trip:\n\(text)")
        for (before, after) in zip(page.families, again.families) {
            precondition(before.type == after.type && trimmedCR(before.unit) == after.unit, "\(before.name): type or unit differs")
            precondition(before.samples == after.samples, "\(before.name): samples differ after a round trip:\n\(text)")
            precondition(trimmedCR(before.help) == after.help, "\(before.name): help differs after a round trip")
        }
    } catch {
        preconditionFailure("a rendered page does not parse: \(error)\n\(text)")
    }
    return 0
}

/// A carriage return ending HELP or UNIT text cannot survive a round trip: the rendered
/// line ends right after it, and a line's final `\r` belongs to its `\r\n` ending.
private func trimmedCR(_ text: String?) -> String? {
    guard var text else { return nil }
    if text.unicodeScalars.last == "\r" { text.unicodeScalars.removeLast() }
    return text
}

private func render(_ page: PrometheusExposition) -> String {
    var out = ""
    for family in page.families {
        if let help = family.help {
            out += "# HELP \(family.name) " + escape(help, quote: false) + "\n"
        }
        out += "# TYPE \(family.name) \(family.type.rawValue)\n"
        if let unit = family.unit { out += "# UNIT \(family.name) \(unit)\n" }
        for sample in family.samples {
            out += sample.name
            if !sample.labels.isEmpty {
                out += "{" + sample.labels.map { "\($0.0)=\"\(escape($0.1, quote: true))\"" }.joined(separator: ",") + "}"
            }
            out += " \(sample.value)"
            if let timestamp = sample.timestampMs { out += " \(timestamp)" }
            out += "\n"
        }
    }
    return out
}

private func escape(_ text: String, quote: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\"" where quote: out += "\\\""
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
