/// Collects families while a page is parsed and decides which family each sample joins.
///
/// A sample joins the family named exactly like it, or the family whose declared type owns
/// the sample's suffix (`x_bucket` joins histogram `x`); the family being read wins when
/// both fit. A sample that fits none starts an undeclared family of its own. Families may
/// continue after other families, as the reference parser allows.
struct PrometheusFamilyTable {
    private(set) var families: [PrometheusFamily] = []
    private var indexByName: [String: Int] = [:]
    private var typeDeclared: [Bool] = []
    private var current: Int?
    /// What the 0.0.4 format calls a family without a TYPE line (OpenMetrics, read by its own
    /// parser, says `unknown`).
    private let undeclaredType = PrometheusMetricType.untyped

    /// Records a `# TYPE` line. A type must come before the family's samples and may be
    /// repeated but not changed.
    mutating func declareType(_ type: PrometheusMetricType, of name: String, line: Int) throws(PrometheusParseError) {
        let index = family(named: name)
        if typeDeclared[index] {
            guard families[index].type == type else {
                throw PrometheusParseError(line: line, message: "second TYPE line for '\(name)' (\(type.rawValue), was \(families[index].type.rawValue))")
            }
            return
        }
        guard families[index].samples.isEmpty else {
            throw PrometheusParseError(line: line, message: "TYPE line for '\(name)' after its samples")
        }
        families[index].type = type
        typeDeclared[index] = true
    }

    /// Records a `# HELP` line; the first one for a family is kept.
    mutating func declareHelp(_ help: String, of name: String) {
        let index = family(named: name)
        if families[index].help == nil { families[index].help = help }
    }

    /// Records an OpenMetrics `# UNIT` line; the first one for a family is kept.
    mutating func declareUnit(_ unit: String, of name: String) {
        let index = family(named: name)
        if families[index].unit == nil { families[index].unit = unit }
    }

    /// Adds a sample to the family it belongs to.
    mutating func append(_ sample: PrometheusSample) {
        let index = owner(of: sample.name) ?? family(named: sample.name)
        families[index].samples.append(sample)
        current = index
    }

    private func owner(of sampleName: String) -> Int? {
        let exact = indexByName[sampleName]
        if let current, current == exact { return current }
        var bySuffix: Int?
        for suffix in PrometheusMetricType.allSuffixes where sampleName.hasSuffix(suffix) {
            let base = String(sampleName.dropLast(suffix.count))
            guard let index = indexByName[base], families[index].type.sampleSuffixes.contains(suffix) else { continue }
            if index == current { return index }
            if bySuffix == nil { bySuffix = index }
        }
        return exact ?? bySuffix
    }

    /// The family called `name`, created (undeclared) if new; it becomes the current one.
    private mutating func family(named name: String) -> Int {
        if let index = indexByName[name] {
            current = index
            return index
        }
        families.append(PrometheusFamily(name: name, type: undeclaredType))
        typeDeclared.append(false)
        let index = families.count - 1
        indexByName[name] = index
        current = index
        return index
    }
}
