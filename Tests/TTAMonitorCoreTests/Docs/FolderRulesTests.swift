import Foundation
import Testing

/// ARCHITECTURE.md's folder rules, enforced: a type declared in one top folder of
/// Sources/TTAMonitorCore/ may be named in another only where the rules allow that
/// direction. The scan is textual (one module: there are no imports to check): it collects
/// the types each folder declares at the top level and the capitalised words each file uses
/// outside comments and string literals.
@Suite struct FolderRulesTests {
    /// What each top folder may use besides itself and `Basics` (which every folder may use).
    static let mayUse: [String: Set<String>] = {
        let features: Set<String> = ["Store", "Checks", "Output", "Privacy", "Config"]
        let everything: Set<String> = ["CLI", "Commands", "Serve", "Cycle", "Alerts", "Carbon", "Export", "Discovery",
                                       "Retention", "Store", "Checks", "Output", "Privacy", "Config"]
        return [
            "CLI": everything, "Commands": everything,
            "Serve": everything.subtracting(["CLI", "Commands"]),
            "Cycle": features.union(["Alerts", "Discovery"]),
            "Alerts": features, "Carbon": features, "Export": features, "Discovery": features,
            "Retention": ["Store", "Config"],
            "Output": ["Checks", "Config"], "Store": ["Checks", "Config"],
            "Checks": ["Privacy", "Config"], "Privacy": ["Config"], "Config": [], "Basics": [],
        ]
    }()

    /// The crossings that exist today against the rules, as `From -> To: Type`. Each is
    /// named in ARCHITECTURE.md ("What still crosses the rules"); the list may only shrink:
    /// a new crossing fails, and so does an entry that no longer occurs.
    static let knownExceptions: Set<String> = [
        "Alerts -> Carbon: CarbonRunStore",
        "Carbon -> Commands: CarbonImportCommand",
        "Carbon -> Discovery: ProcessSource",
        "Config -> Alerts: AlertsConfig",
        "Config -> Carbon: CarbonConfig",
        "Config -> Checks: CheckKind", "Config -> Checks: CheckKindRegistry", "Config -> Checks: CheckSpec",
        "Config -> Checks: CheckStatus",
        "Config -> Discovery: DiscoverySource",
        "Config -> Privacy: Redactor", "Config -> Privacy: SecretMasker", "Config -> Privacy: SecretVariants",
        "Export -> Alerts: AlertSeverity", "Export -> Alerts: AlertStore",
        "Serve -> Commands: StatusCommand", "Serve -> Commands: StatusReport", "Serve -> Commands: StatusRow",
        "Store -> Export: ChartBuckets", "Store -> Export: ComponentPeriodSummary", "Store -> Export: ExportColumn",
        "Store -> Export: ExportPeriod", "Store -> Export: ExportReportKind",
    ]

    static let root = DocumentationFiles.path("Sources/TTAMonitorCore")

    /// Every Swift file under the library, with its top folder.
    static func files() throws -> [(folder: String, path: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), let slash = relative.firstIndex(of: "/") else { continue }
            files.append((String(relative[..<slash]), root + "/" + relative))
        }
        return files
    }

    /// The file's text without comments and string literals, so a word in either is no use.
    /// A small lexer: `//` and `/* */` comments, `"…"` (escapes) and `"""…"""` strings; the
    /// code inside an interpolation `\\(…)` is kept, since it names types too.
    static func code(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        // One step inside a string: an escape is two scalars; an interpolation's code is kept.
        func skipInString() {
            guard scalars[index] == "\\" else { index += 1; return }
            guard at(1) == "(" else { index += 2; return }
            index += 2
            var depth = 1
            while index < scalars.count {
                if scalars[index] == "(" { depth += 1 } else if scalars[index] == ")" { depth -= 1; if depth == 0 { break } }
                output.append(scalars[index])
                index += 1
            }
            output.append(" ")
            index += 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", at(1) == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "/", at(1) == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && at(1) == "/") { index += 1 }
                index += 2
            } else if scalar == "\"", at(1) == "\"", at(2) == "\"" {
                index += 3
                while index < scalars.count, !(scalars[index] == "\"" && at(1) == "\"" && at(2) == "\"") {
                    skipInString()
                }
                index += 3
            } else if scalar == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"", scalars[index] != "\n" {
                    skipInString()
                }
                index += 1
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// The types declared at the top level (column 0) of `text`.
    static func declarations(_ text: String) -> [String] {
        let pattern = #/^(?:(?:public|internal|private|fileprivate|final|indirect|package) )*(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)/#
        return text.split(separator: "\n").compactMap { line in (try? pattern.prefixMatch(in: line)).map { String($0.1) } }
    }

    /// Every forbidden crossing, as `From -> To: Type`.
    static func crossings() throws -> Set<String> {
        let files = try files()
        var owner: [String: String] = [:]
        var texts: [(String, String)] = []
        for (folder, path) in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for name in declarations(text) where owner[name] == nil { owner[name] = folder }
            texts.append((folder, code(text)))
        }
        var found: Set<String> = []
        for (folder, text) in texts {
            let allowed = try #require(mayUse[folder], "no rule for the folder \(folder): add it to mayUse and ARCHITECTURE.md")
            // Identifiers by ASCII rules: Unicode word boundaries would keep `Type.member` whole.
            for match in text.matches(of: #/[A-Za-z_][A-Za-z0-9_]*/#) {
                let name = String(match.output)
                guard let other = owner[name], other != folder, other != "Basics", !allowed.contains(other) else { continue }
                found.insert("\(folder) -> \(other): \(name)")
            }
        }
        return found
    }

    @Test("no folder names a type of a folder it may not use")
    func noNewCrossing() throws {
        let new = try Self.crossings().subtracting(Self.knownExceptions)
        #expect(new.isEmpty, "forbidden by ARCHITECTURE.md's folder rules: \(new.sorted())")
    }

    @Test("every known exception still occurs (remove the ones that were fixed)")
    func exceptionsAreCurrent() throws {
        let stale = Self.knownExceptions.subtracting(try Self.crossings())
        #expect(stale.isEmpty, "no longer crossing; remove from knownExceptions and ARCHITECTURE.md: \(stale.sorted())")
    }

    @Test("Basics uses nothing of the project")
    func basicsStandAlone() throws {
        let fromBasics = try Self.crossings().filter { $0.hasPrefix("Basics ->") }
        #expect(fromBasics.isEmpty, "\(fromBasics.sorted())")
    }

    @Test("the scan sees the project (so the rules cannot pass by finding nothing)")
    func scanFindsTheCode() throws {
        let folders = Set(try Self.files().map(\.folder))
        #expect(folders.isSuperset(of: ["CLI", "Commands", "Checks", "Store", "Basics", "Config"]))
        #expect(Self.declarations("public struct Row {\n    struct Inner {}\n}").elementsEqual(["Row"]))
    }
}
