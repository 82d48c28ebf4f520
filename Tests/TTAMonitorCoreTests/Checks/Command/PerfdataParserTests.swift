import Testing
@testable import TTAMonitorCore

@Suite struct PerfdataParserTests {
    @Test func checkLoadOutput() {
        let items = PluginOutput(parsing: "LOAD OK - total load average: 0.56, 0.74, 1.14|load1=0.560;5.000;10.000;0; "
            + "load5=0.740;4.000;6.000;0; load15=1.140;3.000;4.000;0; ").perfdata
        #expect(items == [
            PerfdataItem(label: "load1", value: 0.56, warning: "5.000", critical: "10.000", minimum: 0),
            PerfdataItem(label: "load5", value: 0.74, warning: "4.000", critical: "6.000", minimum: 0),
            PerfdataItem(label: "load15", value: 1.14, warning: "3.000", critical: "4.000", minimum: 0),
        ])
    }

    @Test func checkDiskOutput() {
        let output = PluginOutput(parsing: "DISK OK - free space: / 80699MiB (83% inode=97%);| "
            + "/=16823353344B;216442024755;243497277849;0;270552530944\n")
        #expect(output.message == "DISK OK - free space: / 80699MiB (83% inode=97%);")
        #expect(output.perfdata == [PerfdataItem(label: "/", value: 16_823_353_344, unit: "B", warning: "216442024755",
                                                 critical: "243497277849", minimum: 0, maximum: 270_552_530_944)])
        let older = PerfdataParser.parse("/=2643MB;5948;5958;0;5968 /boot=68MB;88;93;0;98")
        #expect(older.map(\.label) == ["/", "/boot"])
        #expect(older[1].unit == "MB")
        #expect(older[1].maximum == 98)
    }

    @Test func otherRealPlugins() {
        #expect(PerfdataParser.parse("procs=78;100;;0;") == [PerfdataItem(label: "procs", value: 78, warning: "100", minimum: 0)])
        #expect(PerfdataParser.parse("swap=0B;0;0;0;0").first?.unit == "B")
        #expect(PerfdataParser.parse("time=0.000412s;;;0.000000;10.000000 size=615B;;;0").map(\.unit) == ["s", "B"])
        #expect(PerfdataParser.parse("rta=0.049000ms;200.000000;500.000000;0.000000 pl=0%;40;80;0").map(\.value) == [0.049, 0])
    }

    @Test func quotedLabelsKeepSpacesEqualsAndEscapedQuotes() {
        let items = PerfdataParser.parse("'C:\\ used space'=12.5GB;40;45;0;50 'it''s = fine'=3 'ok'=1c")
        #expect(items.map(\.label) == ["C:\\ used space", "it's = fine", "ok"])
        #expect(items.map(\.unit) == ["GB", "", "c"])
        #expect(items[0].maximum == 50)
    }

    @Test func rangesAreKeptAsText() {
        let item = PerfdataParser.parse("temp=21.5;@10:20;~:30;;").first
        #expect(item?.warning == "@10:20")
        #expect(item?.critical == "~:30")
        #expect(item?.minimum == nil)
        #expect(item?.maximum == nil)
    }

    @Test func numbersInTheirLooserForms() {
        let items = PerfdataParser.parse("a=.5 b=-3. c=1e3ms d=+2.5E-1 e=7%")
        #expect(items.map(\.value) == [0.5, -3, 1_000, 0.25, 7])
        #expect(items[2].unit == "ms")
        #expect(PerfdataParser.parse("em=5em").first?.unit == "em", "an `e` without digits is part of the unit")
    }

    @Test(arguments: [
        "", "   ", "=5", "label=", "label", "label=U", "label=U;1;2", "x=abc", "x=5 5", "'unterminated=5",
        "''=5", "x=1/2", "x=--1", "x=.", "x=nan", "x=inf", "x=5;;;abc;def",
    ])
    func malformedItemsAreSkipped(text: String) {
        let items = PerfdataParser.parse(text)
        for item in items {
            #expect(!item.label.isEmpty)
            #expect(item.value.isFinite)
        }
        switch text {
        case "x=5 5": #expect(items.map(\.label) == ["x"])
        case "x=5;;;abc;def": #expect(items == [PerfdataItem(label: "x", value: 5)])
        default: #expect(items.isEmpty, "\(text)")
        }
    }

    @Test func oneBadItemDoesNotSpoilTheOthers() {
        let items = PerfdataParser.parse("good=1 bad=x 'spaced label'=2 =3 also good=4 last=5;6")
        #expect(items.map(\.label) == ["good", "spaced label", "good", "last"])
    }

    @Test func randomAndMutatedInputNeverCrashes() async throws {
        // Thousands of parses are CPU work: off the cooperative pool, which timing-sensitive
        // tests running beside this one need.
        let (parsed, bad) = try await offloaded { Self.fuzz(rounds: 2_000) }
        #expect(bad == [], "items with an empty label or a non-finite value")
        #expect(parsed > 500, "mutated real lines still mostly parse")
    }

    /// Parses random and mutated lines; returns how many items parsed and the inputs that
    /// gave an invalid item.
    private static func fuzz(rounds: Int) -> (parsed: Int, bad: [String]) {
        var generator = Selection.SplitMix(seed: 0x7a7a)   // reproducible random input
        let alphabet = Array("abz019.-+eE%;:@~'= \t\n|µ€😀\u{0}\\")
        let seeds = [
            "load1=0.560;5.000;10.000;0; load5=0.740;4.000;6.000;0;",
            "/=16823353344B;216442024755;243497277849;0;270552530944",
            "'it''s = fine'=3;@10:20;~:30;0;100 time=1e-3s",
        ]
        var parsed = 0
        var bad: [String] = []
        for round in 0..<rounds {
            var text: [Character]
            if round.isMultiple(of: 2) {
                text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            } else {
                text = Array(seeds[round % seeds.count])
                for _ in 0..<Int.random(in: 1...6, using: &generator) where !text.isEmpty {
                    let position = Int.random(in: 0..<text.count, using: &generator)
                    switch Int.random(in: 0...2, using: &generator) {
                    case 0: text.remove(at: position)
                    case 1: text.insert(alphabet.randomElement(using: &generator)!, at: position)
                    default: text[position] = alphabet.randomElement(using: &generator)!
                    }
                }
            }
            let line = String(text)
            let output = PluginOutput(parsing: "OK " + line + "|" + line + "\nmore|" + line)
            if output.perfdata.contains(where: { $0.label.isEmpty || !$0.value.isFinite }) { bad.append(line) }
            parsed += output.perfdata.count
        }
        return (parsed, bad)
    }
}
