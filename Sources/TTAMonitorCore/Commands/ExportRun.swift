/// One export, from an open database to committed output. Runs on a blocking thread.
struct ExportRun {
    var request: ExportRequest
    var databasePath: String
    var host: String
    /// Called every 100,000 streamed rows (a progress line on a terminal's stderr).
    var progress: (@Sendable (Int) -> Void)?

    /// Writes the export; returns the Prometheus text when it is to be pushed as well.
    func perform(support: CommandSupport) throws -> String? {
        let database = try support.openDatabase(databasePath, mode: request.fileMode)
        let known = try StatusQuery(database: database).components().keys.sorted()
        _ = try support.resolveNames(request.checks, among: known, what: "check")
        // With --push and no --output, the metrics only go to the gateway.
        let writesOutput = request.pushURL == nil || request.outputPath != nil
        let sink = writesOutput ? try request.outputPath.map { path throws(OutputError) in try ExportSink(path: path, mode: request.fileMode) } ?? ExportSink() : nil
        defer { sink?.abandon() }
        let header = ExportHeader(report: request.report, period: request.period, generatedAt: request.now, host: host)
        var pushText: String?
        switch request.format {
        case .csv: try writeRows(CSVRowFormatter(), database: database, header: header, sink: sink!)
        case .json: try writeRows(JSONRowFormatter(lines: false), database: database, header: header, sink: sink!)
        case .jsonl: try writeRows(JSONRowFormatter(lines: true), database: database, header: header, sink: sink!)
        case .openmetrics, .prometheus:
            let snapshot = try ExportSnapshot.read(database, period: request.period, checks: request.checks)
            try sink?.write(ExportMetrics.render(snapshot, openMetrics: request.format == .openmetrics))
            if request.pushURL != nil { pushText = ExportMetrics.render(snapshot, openMetrics: false) }
        case .pdf:
            try sink!.write(try pdf(database: database, header: header))
        }
        try sink?.commit()
        return pushText
    }

    private func writeRows(_ formatter: some ExportRowFormatter, database: Database, header: ExportHeader, sink: ExportSink) throws {
        if request.report == .status {
            let snapshot = try ExportSnapshot.read(database, period: request.period, checks: request.checks)
            let rows = StatusExportRows.cells(snapshot)
            try formatter.begin(columns: StatusExportRows.columns, header: header, into: sink)
            for (index, row) in rows.enumerated() {
                try formatter.row(row, columns: StatusExportRows.columns, first: index == 0, into: sink)
            }
            try formatter.end(rowCount: rows.count, into: sink)
            return
        }
        guard let query = ExportRowQuery.make(request.report, period: request.period, checks: request.checks) else { return }
        // One read transaction: the rows are one consistent snapshot even while `check` writes.
        try database.readSnapshot {
            let statement = try database.prepare(query.sql)
            try statement.bind(query.bindings)
            try formatter.begin(columns: query.columns, header: header, into: sink)
            var count = 0
            while try statement.step() {
                try formatter.row(from: statement, columns: query.columns, first: count == 0, into: sink)
                count += 1
                if count % 100_000 == 0 { progress?(count) }
            }
            try formatter.end(rowCount: count, into: sink)
        }
    }

    private func pdf(database: Database, header: ExportHeader) throws -> [UInt8] {
        let snapshot = try ExportSnapshot.read(database, period: request.period, checks: request.checks)
        var report = PDFReport(header: header, snapshot: snapshot, producer: "\(ToolVersion.name) \(ToolVersion.version)")
        if let query = ExportRowQuery.make(request.report, period: request.period, checks: request.checks) {
            let statement = try database.prepare(query.sql + " LIMIT ?")
            try statement.bind(query.bindings + [.integer(Int64(PDFReport.rowCap))])
            while try statement.step() {
                report.tableRows.append(StatusExportRows.cells(of: statement, columns: query.columns))
            }
            if report.tableRows.count == PDFReport.rowCap {
                report.omittedRows = Int(try query.count(in: database)) - PDFReport.rowCap
            }
        }
        return report.render()
    }
}
