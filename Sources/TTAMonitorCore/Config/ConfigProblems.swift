/// Collects the problems of independent parts of a config file (each section, each check),
/// so `config validate` can report all of them in one run instead of one per edit.
struct ConfigProblems {
    private(set) var errors: [ConfigError] = []

    /// Runs `body`; a problem it throws is recorded and nil returned, so the next part is read.
    mutating func attempt<T>(_ body: () throws(ConfigError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(contentsOf: [error.withoutFurther] + error.further)
            return nil
        }
    }

    /// Records a problem found without throwing.
    mutating func record(_ error: ConfigError) { errors.append(error) }

    var isEmpty: Bool { errors.isEmpty }

    /// Throws the first problem, carrying the others, when there is any.
    func throwIfAny() throws(ConfigError) {
        guard var first = errors.first else { return }
        first.further = Array(errors.dropFirst())
        throw first
    }
}
