/// Collects OpenMetrics families line by line and holds each to the format's rules.
///
/// A family's metadata comes before its samples and once each; its lines stay together (a
/// family, a series or a histogram's label group that ends may not come back); its name may
/// not be a sample name another family owns (`a_total` once counter `a` exists).
struct OpenMetricsFamilyBuilder {
    /// A `# HELP`, `# TYPE` or `# UNIT` line.
    enum Metadata {
        case help(String), type(PrometheusMetricType), unit(String)

        var keyword: String {
            switch self {
            case .help: "HELP"
            case .type: "TYPE"
            case .unit: "UNIT"
            }
        }
    }

    private(set) var families: [PrometheusFamily] = []
    /// Family and sample names taken so far, with the family that owns each.
    private var claimed: [String: String] = [:]
    private var open: OpenMetricsOpenFamily?

    /// Records a metadata line about family `name`.
    mutating func declare(_ metadata: Metadata, of name: String, at line: Int) throws(PrometheusParseError) {
        if open?.family.name != name {
            try start(name, at: line)
        }
        guard var current = open else { return }
        guard current.family.samples.isEmpty else {
            throw PrometheusParseError(line: line, message: "\(metadata.keyword) line for '\(name)' after its samples")
        }
        guard current.declared.insert(metadata.keyword).inserted else {
            throw PrometheusParseError(line: line, message: "second \(metadata.keyword) line for '\(name)'")
        }
        switch metadata {
        case .help(let text): current.family.help = text
        case .unit(let unit): current.family.unit = unit; current.unitLine = line
        case .type(let type):
            current.family.type = type
            for suffix in type.openMetricsSuffixes where !suffix.isEmpty {
                try claim(name + suffix, for: name, at: line)
            }
        }
        open = current
    }

    /// Adds a sample to the family that owns its name, starting an `unknown` family when the
    /// open one does not.
    mutating func add(_ line: OpenMetricsSampleLine, at lineNumber: Int) throws(PrometheusParseError) {
        let name = line.sample.name
        if let current = open, Self.owns(current.family, name) {
            // falls through to the open family
        } else {
            try start(name, at: lineNumber)
        }
        try open?.add(line, at: lineNumber)
    }

    /// Closes the last family.
    mutating func finish() throws(PrometheusParseError) {
        try close()
    }

    private static func owns(_ family: PrometheusFamily, _ sampleName: String) -> Bool {
        guard sampleName.hasPrefix(family.name) else { return false }
        return family.type.openMetricsSuffixes.contains(String(sampleName.dropFirst(family.name.count)))
    }

    private mutating func start(_ name: String, at line: Int) throws(PrometheusParseError) {
        try close()
        try claim(name, for: name, at: line)
        open = OpenMetricsOpenFamily(family: PrometheusFamily(name: name, type: .unknown))
    }

    private mutating func claim(_ name: String, for family: String, at line: Int) throws(PrometheusParseError) {
        if let owner = claimed[name] {
            let message = owner == name
                ? "'\(name)' appears again after other families (OpenMetrics keeps a family's lines together)"
                : "'\(name)' clashes with family '\(owner)', which owns that name"
            throw PrometheusParseError(line: line, message: message)
        }
        claimed[name] = family
    }

    private mutating func close() throws(PrometheusParseError) {
        guard let current = open else { return }
        open = nil
        try OpenMetricsFamilyRules.check(current)
        families.append(current.family)
    }
}
