/// Where each report of one `check` run goes, decided from `--format`, `--json` and the
/// `--output` values before anything is probed, so a mistake costs no time.
///
/// Rules:
/// - `--output FILE` (or `-` for stdout) receives the `--format` report (default `table`).
///   At most one such plain destination.
/// - `--output FORMAT=PATH` (repeatable) writes that format to PATH (`-` for stdout).
///   A value is read as FORMAT=PATH when the text before its first `=` is all letters;
///   a file whose name is like that is written as `./NAME`.
/// - With FORMAT=PATH outputs and no plain `--output`, stdout carries the `--format` (or
///   `--json`) report only when one was asked for; otherwise it stays empty, so cron jobs
///   and CI steps that only want the files get nothing else.
/// - Without any `--output`, the `--format` report (default `table`) goes to stdout.
/// - At most one report may go to stdout, and no two to the same file, however spelled
///   (`a.xml`, `./a.xml`, through a linked directory or a hard link).
public struct ReportOutputPlan: Sendable, Equatable {
    /// Where a report goes.
    public enum Destination: Sendable, Equatable {
        /// Standard output.
        case standardOutput
        /// A file, replaced atomically.
        case file(String)
    }

    /// One report to produce.
    public struct Target: Sendable, Equatable {
        /// Its format.
        public var format: ReportFormat
        /// Where it goes.
        public var destination: Destination
    }

    /// The reports in command-line order, the `--format` report first.
    public var targets: [Target]

    /// Decides the plan. `format` is `--format`'s value (already one of the allowed names),
    /// `json` whether `--json` was given, `outputs` every `--output` value in order.
    public init(format: String?, json: Bool, outputs: [String], commandPath: [String]) throws(UsageError) {
        func usage(_ message: String) -> UsageError { UsageError(message, commandPath: commandPath) }
        let allowed = InvocationParser.humanList(ReportFormat.allCases.map(\.rawValue))
        var plain: [Destination] = []
        var extra: [Target] = []
        for value in outputs {
            guard let (name, path) = Self.formatPrefixed(value) else {
                plain.append(value == "-" ? .standardOutput : .file(value))
                continue
            }
            guard let chosen = ReportFormat(rawValue: name) else {
                throw usage("The format '\(name)' is invalid in '--output \(value)'. Please provide one of \(allowed) "
                    + "(for a file named '\(value)', write './\(value)').")
            }
            guard !path.isEmpty else { throw usage("Missing file after '\(name)=' in '--output \(value)'.") }
            extra.append(Target(format: chosen, destination: path == "-" ? .standardOutput : .file(path)))
        }
        guard plain.count <= 1 else {
            throw usage("'--output <file>' names more than one destination for the --format report. "
                + "Use FORMAT=PATH for further reports, e.g. '--output junit=report.xml'.")
        }
        let asked = format.flatMap(ReportFormat.init(rawValue:)) ?? (json ? .json : nil)
        var targets: [Target] = []
        if let destination = plain.first {
            targets.append(Target(format: asked ?? .table, destination: destination))
        } else if asked != nil || extra.isEmpty {
            targets.append(Target(format: asked ?? .table, destination: .standardOutput))
        }
        targets += extra
        guard targets.filter({ $0.destination == .standardOutput }).count <= 1 else {
            throw usage("Only one report can go to standard output; give the others a file with '--output FORMAT=PATH'.")
        }
        // Compared by what they name, not how they are spelled: `a.xml` and `./a.xml` are one file.
        var seen: [(path: String, keys: Set<String>)] = []
        for case .file(let path) in targets.map(\.destination) {
            let keys = OutputFileIdentity.keys(for: path)
            if let earlier = seen.first(where: { !$0.keys.isDisjoint(with: keys) }) {
                throw usage(earlier.path == path ? "Two reports would write '\(path)'; give each its own file."
                    : "Two reports would write the same file, '\(earlier.path)' and '\(path)'; give each its own file.")
            }
            seen.append((path, keys))
        }
        self.targets = targets
    }

    /// A usage error when a report would replace `path` (the database, the config file),
    /// however either is spelled.
    public func refuseOverwriting(_ path: String, what: String, commandPath: [String]) throws(UsageError) {
        let keys = OutputFileIdentity.keys(for: path)
        for case .file(let output) in targets.map(\.destination) where !OutputFileIdentity.keys(for: output).isDisjoint(with: keys) {
            throw UsageError("The report file '\(output)' is \(what); give the report another file.", commandPath: commandPath)
        }
    }

    /// `("junit", "report.xml")` for `junit=report.xml`; nil when the text before the first
    /// `=` is not a bare word (a plain path such as `./a=b` or `out/x=1.txt`).
    static func formatPrefixed(_ value: String) -> (String, String)? {
        guard let equals = value.firstIndex(of: "=") else { return nil }
        let name = value[..<equals]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return (String(name), String(value[value.index(after: equals)...]))
    }
}
