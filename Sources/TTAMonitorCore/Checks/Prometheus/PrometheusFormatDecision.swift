/// How a scraped page is read: as OpenMetrics or as 0.0.4 text, and what decided it.
struct PrometheusFormatDecision: Equatable {
    /// What decided the format, as `details.format_source` shows it.
    enum Source: String {
        /// The check's `format:` option.
        case config
        /// The response's `Content-Type`.
        case contentType = "content-type"
        /// The page itself (a closing `# EOF` line), because the `Content-Type` was missing or
        /// named neither format.
        case sniffed
    }

    var openMetrics: Bool
    var source: Source

    /// Decides as Prometheus's scraper does: `application/openmetrics-text` is OpenMetrics,
    /// `text/plain` is the 0.0.4 text (whatever its version parameter). Only a missing or
    /// generic type (`application/octet-stream`, `text/html`, …) leaves it to the page.
    init(format: PrometheusFormat, contentType: String?, body: [UInt8]) {
        switch format {
        case .openmetrics:
            self.init(openMetrics: true, source: .config)
        case .text:
            self.init(openMetrics: false, source: .config)
        case .auto:
            let mediaType = Self.mediaType(contentType)
            if mediaType == "application/openmetrics-text" {
                self.init(openMetrics: true, source: .contentType)
            } else if mediaType == "text/plain" {
                self.init(openMetrics: false, source: .contentType)
            } else {
                self.init(openMetrics: PrometheusTextParser.endsWithEOF(body), source: .sniffed)
            }
        }
    }

    init(openMetrics: Bool, source: Source) {
        self.openMetrics = openMetrics
        self.source = source
    }

    /// `openmetrics` or `text`, as `details.format` shows it.
    var name: String { openMetrics ? "openmetrics" : "text" }

    /// The media type of a `Content-Type` value, lowercased, parameters dropped.
    static func mediaType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = type.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        return trimmed.isEmpty ? nil : String(trimmed).lowercased()
    }
}
