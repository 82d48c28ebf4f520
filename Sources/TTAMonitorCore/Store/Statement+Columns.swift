import CSQLite

extension Statement {
    /// The current row, read by column name.
    public var row: Row { Row(statement: self) }

    /// The index of the result column `name` (its `AS` alias or column name). The table of
    /// names is built on the first call and kept for the statement's life, so looking a
    /// name up per row is one dictionary lookup, never a scan of the columns.
    public func columnIndex(_ name: String) throws(StoreError) -> Int32 {
        if columnIndexes == nil {
            var indexes: [String: Int32] = [:]
            for index in 0..<columnCount {
                guard let pointer = sqlite3_column_name(handle, index) else { continue }
                let column = String(cString: pointer)
                if indexes[column] == nil { indexes[column] = index }
            }
            columnIndexes = indexes
        }
        guard let index = columnIndexes?[name] else {
            throw columnError("no column \"\(name)\" in the result of: \(sql)")
        }
        return index
    }

    /// The statement's SQL text (as prepared: placeholders, never bound values).
    public var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }
}
