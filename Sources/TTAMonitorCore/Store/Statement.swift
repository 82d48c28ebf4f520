import CSQLite

/// A prepared statement. Values are always bound, never spliced into SQL; the statement is
/// finalized in `deinit` so an early throw cannot leak it (a leaked statement keeps a WAL
/// read transaction open and blocks checkpoints).
public final class Statement {
    let handle: OpaquePointer
    private let database: Database
    /// Result column name → index, built on the first lookup by name (`columnIndex`).
    var columnIndexes: [String: Int32]?

    init(database: Database, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw database.error(code) }
        self.handle = statement
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// An error about this statement's result columns, on this statement's database.
    func columnError(_ message: String) -> StoreError { StoreError(message, path: database.path) }

    /// A value that can be bound to a parameter.
    public enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// Binds `values` to parameters 1…n, replacing earlier bindings.
    @discardableResult
    public func bind(_ values: [Value]) throws(StoreError) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, tta_sqlite_transient())
            }
            guard code == SQLITE_OK else { throw database.error(code) }
        }
        return self
    }

    /// Steps once: true while a row is available.
    public func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code)
        }
    }

    /// Runs the statement to completion, ignoring rows.
    public func run(_ values: [Value] = []) throws(StoreError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Number of columns in each row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Column `index` as an integer (0 for NULL).
    public func int(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    /// Column `index` as a Double (0 for NULL).
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    /// Whether column `index` is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
    /// Column `index` as text (nil for NULL).
    public func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: pointer)
    }
    /// Column `index` as an optional integer.
    public func optionalInt(_ index: Int32) -> Int64? { isNull(index) ? nil : int(index) }
    /// Column `index` as an optional Double.
    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
}
