/// What a `prometheus` check scrapes.
public struct PrometheusCheckSpec: Sendable, Equatable {
    /// The `/metrics` URL (TTA's agent orchestration serves `/metrics-prom`).
    public var url: String
    /// Series to store and judge.
    public var series: [PrometheusSeriesRule] = []
    /// How the page is read: negotiated (`auto`) or forced.
    public var format: PrometheusFormat = .auto
    /// Creates a spec.
    public init(url: String) { self.url = url }
}

extension PrometheusCheckSpec: CheckSpec {
    static let kindName = "prometheus"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        guard let urlNode = reader.node("url") else {
            throw reader.missingKeyError(["url"], "\(kindName) check '\(name)' needs a 'url' (e.g. http://localhost:8503/metrics-prom)")
        }
        var spec = PrometheusCheckSpec(url: try reader.httpURL(urlNode, key: "url"))
        if let formatNode = reader.node("format") {
            let text = try reader.string(formatNode, path: reader.keyPath("format"))
            guard let format = PrometheusFormat(rawValue: text) else {
                let names = PrometheusFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw reader.error("'\(reader.keyPath("format"))' is '\(text)'; write one of \(names)", at: formatNode)
            }
            spec.format = format
        }
        if let seriesNode = reader.node("series") {
            guard let items = seriesNode.sequenceItems else {
                throw reader.error("'\(reader.keyPath("series"))' must be a list of {metric: NAME, …}", at: seriesNode)
            }
            for (index, item) in items.enumerated() {
                var entry = try MappingReader(item, path: "\(reader.keyPath("series"))[\(index)]", document: decoder.document, interpolation: decoder.interpolation)
                spec.series.append(try PrometheusSeriesRule.decode(&entry, at: item, document: decoder.document))
            }
        }
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await PrometheusCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        [("url", .string(SecretMasker.maskURL(url))), ("series", .array(series.map(\.effectiveJSON)))]
    }

    var secretForms: [String] { SecretVariants.urlCredentialForms(url) }
}
