/// `name: value`, one header field line.
enum HTTPHeaderLine {
    /// The field with its name lowercased and its value without surrounding whitespace.
    static func parse(_ line: ArraySlice<UInt8>) -> Result<(name: String, value: String), HTTPParseFailure> {
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            return .failure(.badRequest("obsolete header line folding"))
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .failure(.badRequest("header line without a colon")) }
        let name = line[line.startIndex..<colon]
        // A space before the colon is how smuggling attempts hide a header from one parser.
        guard !name.isEmpty, name.allSatisfy(HTTPToken.isTokenByte) else { return .failure(.badRequest("malformed header name")) }
        var value = line[(colon + 1)...]
        // Trimmed as bytes, before decoding: a combining mark after the space would make
        // the space part of a Character that a String trim leaves alone.
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        // Field values: visible characters, spaces, tabs and obs-text; no other controls.
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            return .failure(.badRequest("control character in a header value"))
        }
        return .success((String(decoding: name, as: UTF8.self).lowercased(),
                         String(decoding: value, as: UTF8.self)))
    }
}
