extension Database {
    /// `readTransaction` for work that throws more than `StoreError`: an export streams its
    /// rows into a file inside the transaction, and the file's errors must pass through.
    public func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }
}
