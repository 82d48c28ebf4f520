/// The current row of a stepped `Statement`, read by column name (`row.text("state")`), as
/// GRDB's `row["state"]` does: reordering a SELECT list cannot silently shift every field
/// the way `statement.text(6)` would. Names resolve to indexes once per statement
/// (`Statement.columnIndex`); a hot loop resolves its indexes before stepping and reads
/// by index, so it costs nothing per row.
public struct Row {
    let statement: Statement

    /// Column `name` as an integer (0 for NULL).
    public func int(_ name: String) throws(StoreError) -> Int64 { statement.int(try statement.columnIndex(name)) }
    /// Column `name` as a Double (0 for NULL).
    public func double(_ name: String) throws(StoreError) -> Double { statement.double(try statement.columnIndex(name)) }
    /// Column `name` as text (nil for NULL).
    public func text(_ name: String) throws(StoreError) -> String? { statement.text(try statement.columnIndex(name)) }
    /// Column `name` as an optional integer.
    public func optionalInt(_ name: String) throws(StoreError) -> Int64? { statement.optionalInt(try statement.columnIndex(name)) }
    /// Column `name` as an optional Double.
    public func optionalDouble(_ name: String) throws(StoreError) -> Double? {
        statement.optionalDouble(try statement.columnIndex(name))
    }
    /// Column `name` as a stored enumeration; a value the enum does not know is an error
    /// naming the column, not a silent default.
    public func value<Stored: RawRepresentable>(_ name: String, as type: Stored.Type) throws(StoreError) -> Stored
    where Stored.RawValue == String {
        let text = try self.text(name) ?? ""
        guard let value = Stored(rawValue: text) else {
            throw statement.columnError("column \"\(name)\" holds \"\(text)\", not a known \(Stored.self)")
        }
        return value
    }
}
