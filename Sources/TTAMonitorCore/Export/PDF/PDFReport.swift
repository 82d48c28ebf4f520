/// The printable report: a summary page first (health, availability per component, firing
/// alerts, carbon total), then what `--report` is about — charts and the component table
/// for `status`, result rows for `checks`, alerts, or carbon runs.
struct PDFReport {
    /// The header every export carries (report, period, time, host).
    var header: ExportHeader
    /// Components, alerts and carbon over the period.
    var snapshot: ExportSnapshot
    /// The rows of the report's table (checks, alerts, carbon), already capped.
    var tableRows: [[ExportCell]] = []
    /// Rows the cap left out.
    var omittedRows = 0
    /// The producer string (`tta-monitor 1.2.3`).
    var producer: String

    /// At most this many rows go into a PDF table; the rest are counted in a note.
    static let rowCap = 2_000

    /// The document title.
    var title: String { "TTA monitoring report: \(header.report.rawValue)" }

    /// Lays the report out and returns the PDF file's bytes.
    func render() -> [UInt8] {
        let flow = PDFPageFlow()
        summaryPage(flow)
        // The summary stands alone, so it can be handed round as the one-page digest.
        flow.newPage()
        switch header.report {
        case .status:
            flow.heading("Availability per component")
            AvailabilityChart().draw(snapshot.components, in: flow)
            flow.heading("Latency per component (mean per \(bucketText))")
            LatencyChart(buckets: snapshot.buckets).draw(snapshot.components, in: flow)
            flow.heading("Checks")
            componentTable(flow)
        case .checks:
            flow.heading("Check results")
            resultsTable(flow)
        case .alerts:
            flow.heading("Alerts in the period")
            alertsTable(flow)
        case .carbon:
            flow.heading("Carbon runs")
            carbonTable(flow)
        }
        flow.addFooters(title: "\(title) - \(ExportTimeText.full(header.period.since)) to \(ExportTimeText.full(header.period.until))")
        return PDFAssembler.assemble(pages: flow.pages, title: title, producer: producer, created: header.generatedAt)
    }

    private var bucketText: String {
        let minutes = snapshot.buckets.length / 60_000
        return minutes % 1_440 == 0 ? "\(minutes / 1_440) d" : minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes) min"
    }

}
