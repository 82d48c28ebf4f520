/// The header row of an emissions file: which position holds which known column, and the
/// names of the others (kept in `extra`).
struct CodeCarbonHeader {
    /// Header names as written (trimmed), by position.
    let names: [String]
    /// Position of each known column present.
    let positions: [CodeCarbonColumn: Int]

    /// Reads the header; nil with the missing names when a required column is absent.
    static func parse(_ fields: [String]) -> Result<CodeCarbonHeader, CarbonError> {
        let names = fields.map { $0.trimmingWhitespace() }
        var positions: [CodeCarbonColumn: Int] = [:]
        for (index, name) in names.enumerated() {
            if let column = CodeCarbonColumn(rawValue: name), positions[column] == nil { positions[column] = index }
        }
        let missing = CodeCarbonColumn.required.filter { positions[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else {
            return .failure(.badData("not a CodeCarbon emissions file: the header lacks \(missing.joined(separator: ", "))"))
        }
        return .success(CodeCarbonHeader(names: names, positions: positions))
    }

    /// Positions of columns with no column of their own, in file order.
    var extraPositions: [Int] {
        let known = Set(positions.values)
        return names.indices.filter { !known.contains($0) }
    }
}
