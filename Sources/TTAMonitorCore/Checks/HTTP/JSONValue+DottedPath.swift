extension JSONValue {
    /// The value at a dotted path such as `checks.db.state`; a numeric component indexes an
    /// array (`items.0.state`) and is an ordinary key in an object. Nil when any step is missing.
    func value(atDottedPath path: String) -> JSONValue? {
        var current = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object:
                guard let next = current[String(component)] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(component), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
