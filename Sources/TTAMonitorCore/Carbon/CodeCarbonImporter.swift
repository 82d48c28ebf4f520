#if canImport(Glibc)
import Glibc
#endif

/// Imports CodeCarbon `emissions.csv` files into `carbon_runs`. Idempotent: every row has a
/// key derived from its content, so importing the same file again adds nothing, and an
/// appended file adds only its new rows. Malformed rows are reported by physical line and
/// skipped; the good rows of the same file are still imported.
struct CodeCarbonImporter {
    /// What one file gave.
    struct Outcome: Sendable {
        var file: String
        var rows = 0
        var imported = 0
        var alreadyPresent = 0
        var malformed: [CSVReader.Malformed] = []
        /// Set when the file as a whole could not be read (missing, not CSV, no header).
        var failure: CarbonError?
    }

    /// The most an emissions file may hold: about half a million CodeCarbon rows. Parsing
    /// needs a few times the file's size in memory, so the bound is also one on memory.
    static let maximumFileBytes = 256 << 20

    /// Reads and parses `path` (relative to `workingDirectory`), without touching the database.
    static func parse(path: String, workingDirectory: String) -> (runs: [CarbonRun], outcome: Outcome) {
        var outcome = Outcome(file: path)
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let text: String
        switch BoundedFileReader.bytes(absolute, limit: maximumFileBytes) {
        case .success(let bytes):
            text = String(decoding: bytes, as: UTF8.self)
        case .failure(.open(let code)), .failure(.read(let code)):
            outcome.failure = code == ENOENT ? .missingInput("\(path): no such file")
                : .missingInput("\(path): cannot read: \(String(cString: strerror(code)).lowercased())")
            return ([], outcome)
        case .failure(.tooLarge(let limit)):
            outcome.failure = .badData("\(path): larger than the \(BoundedFileReader.describe(limit)) limit for an emissions file")
            return ([], outcome)
        case .failure(.timedOut(let waited)):
            outcome.failure = .badData("\(path): sent no data for \(waited.components.seconds) s (a pipe or device nobody writes to?)")
            return ([], outcome)
        }
        var items = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]
        guard let first = items.popFirst() else {
            outcome.failure = .badData("\(path): empty file, no header row")
            return ([], outcome)
        }
        guard case .success(let headerRecord) = first else {
            outcome.failure = .badData("\(path): line 1: the header cannot be read")
            return ([], outcome)
        }
        let header: CodeCarbonHeader
        switch CodeCarbonHeader.parse(headerRecord.fields) {
        case .success(let parsed): header = parsed
        case .failure(let error):
            outcome.failure = .badData("\(path): \(error.description)")
            return ([], outcome)
        }
        let parser = CodeCarbonRowParser(header: header, file: path)
        var runs: [CarbonRun] = []
        for item in items {
            outcome.rows += 1
            switch item.flatMap(parser.parse) {
            case .success(var run):
                // Project and run names are shown on terminals; whoever writes the CSV chose
                // them. Line breaks stay (RFC 4180 allows them; tables show them as pictures).
                run.texts = run.texts.mapValues { TerminalSafeText.neutralise($0, keepingLayout: true) }
                runs.append(run)
            case .failure(let malformed): outcome.malformed.append(malformed)
            }
        }
        return (runs, outcome)
    }

    /// Parses `path` and stores its new rows (none without a store: parse only).
    static func importFile(_ path: String, workingDirectory: String, store: CarbonRunStore?) throws(StoreError) -> Outcome {
        var (runs, outcome) = parse(path: path, workingDirectory: workingDirectory)
        guard outcome.failure == nil, let store else { return outcome }
        // Duplicate rows within one file are one run: CodeCarbon never writes them twice.
        var seen = Set<String>()
        runs = runs.filter { seen.insert($0.rowKey).inserted }
        let ids = try store.insert(runs)
        outcome.imported = ids.compactMap { $0 }.count
        outcome.alreadyPresent = outcome.rows - outcome.malformed.count - outcome.imported
        return outcome
    }
}
