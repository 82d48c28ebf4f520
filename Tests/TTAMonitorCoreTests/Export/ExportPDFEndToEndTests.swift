import Foundation
import Testing
@testable import TTAMonitorCore

/// The PDF report checked by the tools people would use on it: qpdf, pdftotext, pdfinfo
/// and pdftoppm (poppler).
@Suite struct ExportPDFEndToEndTests {
    private func tool(_ name: String, _ package: String) throws -> String {
        try ReportConsumers.tool(name, package: package)
    }

    private func pdfText(_ file: String) async throws -> String {
        let text = try await ShellProcess.run(try tool("pdftotext", "poppler-utils"), ["-layout", file, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        return text.stdout
    }

    @Test func multiPageChecksReportIsValidAndItsTextRecoverable() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds(), results: 120)
        let run = try await ExportFixture.export(["--format", "pdf", "--report", "checks", "--output", "checks.pdf"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        let file = directory.file("checks.pdf")

        let check = try await ShellProcess.run(try tool("qpdf", "qpdf"), ["--check", file])
        #expect(check.status == 0, "qpdf --check: \(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))

        let info = try await ShellProcess.run(try tool("pdfinfo", "poppler-utils"), [file])
        #expect(info.stdout.contains("TTA monitoring report: checks"))
        #expect(info.stdout.contains("Producer:") && info.stdout.contains("tta-monitor"))
        #expect(info.stdout.contains("CreationDate:"))
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 3)

        let text = try await pdfText(file)
        #expect(text.contains("TTA monitoring report"))
        for name in ExportFixture.components { #expect(text.contains(name)) }
        #expect(text.contains("Page 1 of \(pages)") && text.contains("Page \(pages) of \(pages)"))
        // The table header repeats on every page the table spans.
        let headerCount = text.components(separatedBy: "Message").count - 1
        #expect(headerCount >= pages - 1)
        // Long text wraps but survives; its words are all there.
        #expect(text.contains("very long message that goes on"))
        #expect(text.contains("1234567890") && text.contains("example.invalid"))
        // PDF string syntax characters are escaped, not lost.
        #expect(text.contains("parens ( ) and backslash \\ in PDF strings"))
        // Characters outside WinAnsi are replaced visibly; accents inside it are kept.
        #expect(text.contains("emoji ? and CJK ??? and accents éàü"))
        #expect(!text.contains("🚀"))
    }

    @Test func statusReportHasSummaryChartsAndRendersAsAnImage() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let run = try await ExportFixture.export(["--format", "pdf", "--output", "status.pdf"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        let file = directory.file("status.pdf")
        let check = try await ShellProcess.run(try tool("qpdf", "qpdf"), ["--check", file])
        #expect(check.status == 0, "\(check.stdout)")
        let text = try await pdfText(file)
        for expected in ["Overall health: CRITICAL", "Availability per component", "Alerts firing", "neo4j-down",
                         "Carbon: 2 runs, 1.000 kWh, 0.300 kg CO2e", "Latency per component", "Checks", "100 %", "90.00 %"] {
            #expect(text.contains(expected), "missing '\(expected)'")
        }
        let render = try await ShellProcess.run(try tool("pdftoppm", "poppler-utils"),
                                                ["-png", "-r", "60", "-f", "2", "-l", "2", file, directory.file("page")])
        #expect(render.status == 0, "\(render.stderr)")
        let image = try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        #expect(image != nil)
    }

    @Test func emptyDatabasePeriodGivesAClearlyEmptyReport() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        _ = try Database(path: db)
        let file = directory.file("empty.pdf")
        // `--output -` to a file (not a terminal) is allowed: the shell redirects it.
        let run = try await ShellProcess.run("/bin/sh", ["-c", "\"$0\" --db \"$1\" export --format pdf --report alerts --output - > \"$2\"",
                                                         BinaryRunner.binaryPath, db, file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(decoding: Data(contentsOf: URL(fileURLWithPath: file)).prefix(8), as: UTF8.self) == "%PDF-1.4")
        let check = try await ShellProcess.run(try tool("qpdf", "qpdf"), ["--check", file])
        #expect(check.status == 0, "\(check.stdout)")
        let text = try await pdfText(file)
        #expect(text.contains("Overall health: NO DATA"))
        #expect(text.contains("No components in the database yet"))
        #expect(text.contains("No rows in this period."))
        #expect(text.contains("Page 1 of 2") && text.contains("Page 2 of 2"))
    }

    @Test func pdfTablesAreCappedWithANoteAndFilteredByCheck() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds(), results: 700)
        let run = try await ExportFixture.export(["--format", "pdf", "--report", "checks", "--output", "all.pdf"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        let text = try await pdfText(directory.file("all.pdf"))
        #expect(text.contains("100 more rows are not shown; use --format csv or --format jsonl for every row."))
        let check = try await ShellProcess.run(try tool("qpdf", "qpdf"), ["--check", directory.file("all.pdf")])
        #expect(check.status == 0)

        let one = try await ExportFixture.export(["--format", "pdf", "--report", "alerts", "--check", "api", "--output", "api.pdf"],
                                                 db: db, in: directory)
        #expect(one.code == 0, "\(one.err)")
        let filtered = try await pdfText(directory.file("api.pdf"))
        #expect(filtered.contains("api-slow") && !filtered.contains("neo4j-down"))
        #expect(filtered.contains("1 component: 1 OK"))
    }

    @Test func pdfToATerminalIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let script = try tool("script", "bsdutils")
        let binary = BinaryRunner.binaryPath
        // `script` gives the command a pseudo-terminal as its stdout.
        for output in ["", " --output -"] {
            let tty = try await ShellProcess.run(script, ["-qec", "\(binary) --db \(db) export --format pdf\(output)", "/dev/null"],
                                                 environment: BinaryEnvironment.clean(home: directory.path))
            #expect(tty.status == 64, "\(tty.stdout)")
            #expect(tty.stdout.contains("Refusing to write PDF to a terminal"))
            #expect(!tty.stdout.contains("%PDF"))
        }
        let toFile = try await ShellProcess.run(script, ["-qec", "\(binary) --db \(db) export --format pdf --output \(directory.file("ok.pdf"))", "/dev/null"],
                                                environment: BinaryEnvironment.clean(home: directory.path))
        #expect(toFile.status == 0, "\(toFile.stdout)")
        #expect(FileManager.default.fileExists(atPath: directory.file("ok.pdf")))
        // CSV to a terminal is fine.
        let csv = try await ShellProcess.run(script, ["-qec", "\(binary) --db \(db) export --format csv --report alerts", "/dev/null"],
                                             environment: BinaryEnvironment.clean(home: directory.path))
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("neo4j-down"))
    }
}
