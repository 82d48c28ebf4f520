import Foundation
import Testing
@testable import TTAMonitorCore

/// The man page and the shell completions describe the command table; these tests fail as
/// soon as a command, option or value is added to, renamed in or removed from
/// `CommandTable` without the documentation following.
@Suite struct DocumentationDriftTests {
    let manPage: ManPageSource

    init() throws {
        manPage = ManPageSource(text: try DocumentationFiles.read(DocumentationFiles.manPage))
    }

    // MARK: man page

    @Test func manPageHasTheConventionalSections() {
        let expected = ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "GLOBAL OPTIONS", "CONFIGURATION", "ALERTS", "CARBON", "EXPORT",
                        "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO", "SECURITY CONSIDERATIONS"]
        #expect(manPage.sectionNames == expected)
        #expect(manPage.lines.contains(".Dt TTA-MONITOR 1"))
    }

    @Test(arguments: DocumentedCommand.all)
    func manPageHasAnEntryForEveryCommand(_ command: DocumentedCommand) throws {
        let entry = try #require(manPage.commandEntry(command.path),
                                 "man page: no COMMANDS entry '.Cm \(command.path.joined(separator: " "))'")
        for argument in command.spec.arguments {
            #expect(entry.headWords.contains(argument.name),
                    "man page: the entry of '\(command)' does not show its argument '\(argument.name)'")
        }
        let optionItems = ManPageSource.optionItems(in: entry)
        for option in command.spec.options {
            let item = ManPageSource.optionItem(named: option.name, in: optionItems)
            #expect(item != nil, "man page: '\(command)' does not document --\(option.name)")
            if let valueName = option.valueName, let item {
                #expect(item.headWords.contains(valueName),
                        "man page: '\(command) --\(option.name)' should show its value as 'Ar \(valueName)'")
            }
            for value in option.allowedValues ?? [] {
                #expect(item?.allWords.contains(value) == true,
                        "man page: '\(command) --\(option.name)' does not name the value '\(value)'")
            }
        }
        let documented = optionItems.compactMap { item in
            zip(item.headWords, item.headWords.dropFirst()).first { $0.0 == "Fl" }.map { String($0.1.dropFirst()) }
        }
        #expect(Set(documented) == Set(command.spec.options.map(\.name)),
                "man page: the options documented for '\(command)' differ from the command table")
    }

    @Test func manPageDocumentsNoCommandTheTableLacks() {
        let known = Set(DocumentedCommand.all.map { $0.path })
        let stale = manPage.commandEntries.map(\.path).filter { !known.contains($0) }
        #expect(stale.isEmpty, "man page: entries for commands that do not exist: \(stale)")
        #expect(manPage.commandEntries.count == DocumentedCommand.all.count,
                "man page: expected one entry per command")
    }

    @Test func manPageDocumentsEveryGlobalOption() throws {
        let items = ManPageSource.items(in: manPage.section("GLOBAL OPTIONS"), depth: 1)
        for option in CommandTable.globalOptions {
            let item = try #require(ManPageSource.optionItem(named: option.name, in: items),
                                    "man page: GLOBAL OPTIONS lacks --\(option.name)")
            if let short = option.short {
                #expect(item.headWords.contains(String(short)), "man page: --\(option.name) should show -\(short)")
            }
            if let valueName = option.valueName {
                #expect(item.headWords.contains(valueName), "man page: --\(option.name) should show 'Ar \(valueName)'")
            }
        }
        #expect(items.count == CommandTable.globalOptions.count)
    }

    /// Every command of the design is built: no entry may still carry the old
    /// "not implemented" marker.
    @Test(arguments: DocumentedCommand.all.filter { $0.spec.action != nil })
    func manPageMarksNoCommandAsNotImplemented(_ command: DocumentedCommand) throws {
        let entry = try #require(manPage.commandEntry(command.path))
        #expect(!entry.lines.contains(ManPageSource.notImplementedMarker), "man page: '\(command)' still says it is not implemented")
    }

    @Test func manPageListsEveryExitStatus() {
        let items = ManPageSource.items(in: manPage.section("EXIT STATUS"), depth: 1)
        let documented = items.compactMap { $0.headWords.dropFirst().first.flatMap { Int32($0) } }
        let codes: [ExitCode] = [.ok, .warning, .critical, .unknown, .usage, .dataError, .noInput, .software,
                                 .ioError, .tempFail, .config]
        #expect(documented == codes.map(\.rawValue))
    }

    @Test func manPageNamesTheEnvironmentItReads() {
        let names = ManPageSource.items(in: manPage.section("ENVIRONMENT"), depth: 1).compactMap { $0.headWords.last }
        for name in ["TTA_CONFIG", "TTA_MONITOR_DB", "XDG_STATE_HOME", "NO_COLOR", "TERM"] {
            #expect(names.contains(name), "man page: ENVIRONMENT lacks \(name)")
        }
    }

    @Test func manPageIsCleanUnderMandocLint() async throws {
        let mandoc = try #require(ShellProcess.find("mandoc"),
                                  "mandoc is not installed: install it (apt-get install mandoc), as CI does, to lint man/tta-monitor.1")
        let outcome = try await ShellProcess.run(mandoc, ["-Tlint", "-W", "warning", DocumentationFiles.path(DocumentationFiles.manPage)])
        #expect(outcome.stdout + outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    // MARK: completions

    @Test(arguments: [DocumentationFiles.bashCompletion, DocumentationFiles.zshCompletion, DocumentationFiles.fishCompletion])
    func completionNamesEveryCommandOptionAndValue(_ file: String) throws {
        let text = try DocumentationFiles.read(file)
        let isFish = file.hasSuffix(".fish")
        func expectOffered(_ word: String, _ what: @autoclosure () -> String) {
            let offered = Self.containsWord(word, in: text)
            #expect(offered, "\(file) does not offer \(what()) ('\(word)')")
        }
        for command in DocumentedCommand.all {
            expectOffered(command.spec.name, "the command '\(command)'")
            for option in command.spec.options {
                expectOffered(Self.spelling(option, fish: isFish), "'\(command) --\(option.name)'")
                for value in option.allowedValues ?? [] {
                    expectOffered(value, "'\(command) --\(option.name) \(value)'")
                }
            }
        }
        for option in CommandTable.globalOptions {
            expectOffered(Self.spelling(option, fish: isFish), "the global option --\(option.name)")
            if let short = option.short {
                expectOffered(isFish ? "-s \(short)" : "-\(short)", "the global option -\(short)")
            }
        }
    }

    @Test func bashAcceptsTheBashCompletion() async throws {
        let bash = try #require(ShellProcess.find("bash"))
        let outcome = try await ShellProcess.run(bash, ["-n", DocumentationFiles.path(DocumentationFiles.bashCompletion)])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test(.enabled(if: ShellProcess.isInstalled("zsh"), "zsh is not installed"))
    func zshAcceptsTheZshCompletion() async throws {
        let text = try DocumentationFiles.read(DocumentationFiles.zshCompletion)
        #expect(text.hasPrefix("#compdef tta-monitor\n"))
        let outcome = try await ShellProcess.run(ShellProcess.find("zsh")!, ["-n", DocumentationFiles.path(DocumentationFiles.zshCompletion)])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test(.enabled(if: ShellProcess.isInstalled("fish"), "fish is not installed"))
    func fishAcceptsTheFishCompletion() async throws {
        let outcome = try await ShellProcess.run(ShellProcess.find("fish")!, ["-n", DocumentationFiles.path(DocumentationFiles.fishCompletion)])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    // MARK: helpers

    /// How a completion file spells an option: `--format`, or `-l format` for fish.
    static func spelling(_ option: OptionSpec, fish: Bool) -> String {
        fish ? "-l \(option.name)" : "--\(option.name)"
    }

    /// Whether `word` occurs in `text` with no name character (letter, digit, `-`, `_`)
    /// right before or after it, so `--for` is not found inside `--format`.
    static func containsWord(_ word: String, in text: String) -> Bool {
        func isNameCharacter(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "-" || character == "_"
        }
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isNameCharacter(before), !isNameCharacter(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }
}
