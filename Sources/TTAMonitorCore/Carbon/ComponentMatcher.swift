/// Names the TTA component a process belongs to, for attributing CPU energy: first the
/// config's `process` checks (by exact name and/or command-line pattern, as the check itself
/// selects processes), then the TTA processes `discover` recognises (`ProcessSource`).
struct ComponentMatcher {
    /// One `process` check's selector.
    struct Rule {
        var component: String
        var name: String?
        var pattern: Regex<AnyRegexOutput>?
    }

    let rules: [Rule]

    /// Rules from the `process` checks of `checks` (a pattern that does not compile is
    /// skipped here: `config validate` reports it).
    init(checks: [CheckConfig]) {
        rules = checks.compactMap { check in
            guard let spec = check.kind.spec(as: ProcessCheckSpec.self) else { return nil }
            let pattern = spec.commandPattern.flatMap { try? Regex($0) }
            if spec.commandPattern != nil, pattern == nil { return nil }
            return Rule(component: check.name, name: spec.name, pattern: pattern)
        }
    }

    /// The component for a process with kernel name `comm` and `arguments`; nil for none.
    func component(comm: String, arguments: [String]) -> String? {
        let line = arguments.joined(separator: " ")
        for rule in rules {
            if let name = rule.name {
                let program = arguments.first.map { String($0.split(separator: "/").last ?? "") }
                guard comm == name || program == name else { continue }
            }
            if let pattern = rule.pattern {
                guard !arguments.isEmpty, line.contains(pattern) else { continue }
            }
            return rule.component
        }
        return ProcessSource.component(forArguments: arguments)?.name
    }
}
