import Testing
@testable import TTAMonitorCore

/// Rows read by column name: the order of a SELECT list no longer matters, and a name that
/// is not in the result says which name and which SQL.
@Suite struct RowTests {
    @Test func columnsAreReadByNameWhateverTheirOrder() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        let statement = try database.prepare("SELECT 2.5 AS ratio, NULL AS gone, 'firing' AS state, 7 AS id")
        #expect(try statement.step())
        let row = statement.row
        #expect(try row.int("id") == 7)
        #expect(try row.double("ratio") == 2.5)
        #expect(try row.optionalInt("gone") == nil && row.text("gone") == nil)
        #expect(try row.value("state", as: AlertState.self) == .firing)
        #expect(try statement.columnIndex("state") == 2)
    }

    @Test func aMissingColumnNamesItselfAndTheSQL() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        let statement = try database.prepare("SELECT 1 AS id")
        #expect(try statement.step())
        #expect {
            _ = try statement.row.int("state")
        } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return message.contains("\"state\"") && message.contains("SELECT 1 AS id")
        }
    }

    @Test func anUnknownStoredStateIsAnErrorNotADefault() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        let statement = try database.prepare("SELECT 'exploded' AS state")
        #expect(try statement.step())
        #expect {
            _ = try statement.row.value("state", as: AlertState.self)
        } throws: { error in
            ((error as? StoreError)?.message ?? "").contains("\"exploded\"")
        }
    }
}
