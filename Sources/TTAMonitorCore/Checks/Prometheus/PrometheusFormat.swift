/// Which text format a `prometheus` check reads a page as (its `format:` option).
public enum PrometheusFormat: String, Sendable, CaseIterable {
    /// Ask for OpenMetrics first and read what the server says it sent (`Content-Type`).
    case auto
    /// OpenMetrics 1.0 text, whatever the server says: strict grammar, timestamps in seconds.
    case openmetrics
    /// The Prometheus text format 0.0.4, whatever the server says: timestamps in milliseconds.
    case text

    /// The `Accept` header the scrape sends.
    ///
    /// `auto` sends what Prometheus 2.x sends with its default `scrape_protocols`
    /// (OpenMetricsText1.0.0, OpenMetricsText0.0.1, PrometheusText0.0.4): OpenMetrics preferred,
    /// the 0.0.4 text accepted, anything else last. Prometheus 3 also offers the UTF-8 text
    /// format 1.0.0, which this tool does not read, so it is left out. Protobuf is never
    /// asked for: this tool carries no decoder for it.
    var acceptHeader: String {
        switch self {
        case .auto:
            "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2"
        case .openmetrics:
            "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,*/*;q=0.2"
        case .text:
            "text/plain;version=0.0.4;q=0.3,*/*;q=0.2"
        }
    }
}
