import Testing
@testable import TTAMonitorCore

/// Parses `text` as `t.yaml`; nil for an empty document.
private func parse(_ text: String) throws -> YAMLNode? {
    try YAMLParser.parse(text, file: "t.yaml")
}

/// The error parsing `text` raises, or nil when it parses.
private func parseError(_ text: String, file: String = "t.yaml") -> YAMLError? {
    do {
        _ = try YAMLParser.parse(text, file: file)
        return nil
    } catch {
        return error
    }
}

/// The JSON of `text`'s document.
private func json(_ text: String) throws -> JSONValue? {
    try parse(text)?.jsonValue
}

@Suite struct YAMLParserTests {
    // MARK: - Errors: message and exact position

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "tab indentation", text: "a:\n\tb: 1\n", line: 2, column: 1,
                  message: "tabs are not allowed in indentation"),
        ErrorCase(name: "tab after spaces in a nested mapping", text: "a:\n  b: 1\n  \tc: 2\n", line: 3, column: 3,
                  message: "tabs are not allowed in indentation"),
        ErrorCase(name: "duplicate key", text: "name: a\nport: 1\nname: b\n", line: 3, column: 1,
                  message: "duplicate key 'name' (first defined at 1:1)"),
        ErrorCase(name: "duplicate key, quoted spelling", text: "x:\n  'a': 1\n  a: 2\n", line: 3, column: 3,
                  message: "duplicate key 'a' (first defined at 2:3)"),
        ErrorCase(name: "duplicate key in a flow mapping", text: "{a: 1, b: 2, a: 3}\n", line: 1, column: 14,
                  message: "duplicate key 'a' (first defined at 1:2)"),
        ErrorCase(name: "unsupported tag", text: "a: 1\nb: !custom x\n", line: 2, column: 4,
                  message: "unsupported feature: tag '!custom' (only !!str, !!int, !!float, !!bool and !!null are supported)"),
        ErrorCase(name: "unsupported tag on a key", text: "a: 1\n!custom b: 2\n", line: 2, column: 1,
                  message: "unsupported feature: tag '!custom' (only !!str, !!int, !!float, !!bool and !!null are supported)"),
        ErrorCase(name: "invalid escape in a key", text: "a: 1\n\"b\\q\": 2\n", line: 2, column: 3,
                  message: "invalid escape '\\q' in a double-quoted scalar"),
        ErrorCase(name: "collection tag", text: "a: !!map\n  b: 1\n", line: 1, column: 4,
                  message: "unsupported feature: tag '!!map' (only !!str, !!int, !!float, !!bool and !!null are supported)"),
        ErrorCase(name: "tag that does not fit", text: "port: !!int eighty\n", line: 1, column: 7,
                  message: "'eighty' is not a valid !!int value"),
        ErrorCase(name: "multiple documents", text: "a: 1\n---\nb: 2\n", line: 2, column: 1,
                  message: "unsupported feature: multiple documents in one file"),
        ErrorCase(name: "bare document after '...'", text: "a: 1\n...\nb: 2\n", line: 3, column: 1,
                  message: "unsupported feature: multiple documents in one file"),
        ErrorCase(name: "directive", text: "%YAML 1.2\n---\na: 1\n", line: 1, column: 1,
                  message: "unsupported feature: directive '%YAML'"),
        ErrorCase(name: "complex key", text: "? a\n: b\n", line: 1, column: 1,
                  message: "unsupported feature: complex mapping key ('?')"),
        ErrorCase(name: "flow collection as key", text: "[a, b]: c\n", line: 1, column: 1,
                  message: "unsupported feature: non-scalar mapping key (a flow collection used as a key)"),
        ErrorCase(name: "line indented deeper than its siblings", text: "a:\n    b: 1\n  c: 2\n", line: 3, column: 3,
                  message: "bad indentation: this line is indented more than the mapping keys above it"),
        ErrorCase(name: "sequence entry indented deeper", text: "- a: 1\n - b\n", line: 2, column: 2,
                  message: "bad indentation: this line is indented more than the sequence entries above it"),
        ErrorCase(name: "mapping value on the key's line", text: "a: b: c\n", line: 1, column: 4,
                  message: "a block mapping cannot start on the same line as its key"),
        ErrorCase(name: "sequence on the key's line", text: "key: - a\n", line: 1, column: 6,
                  message: "a block sequence cannot start on the same line as its key"),
        ErrorCase(name: "scalar where a key belongs", text: "a: 1\nb\n", line: 2, column: 1,
                  message: "expected 'key: value' at this indentation (is a ':' missing, or the line indented wrongly?)"),
        ErrorCase(name: "missing colon before a nested block", text: "monitoring:\n  checks\n    - name: x\n", line: 3, column: 11,
                  message: "a mapping key must fit on one line (is a ':' missing at the end of line 2?)"),
        ErrorCase(name: "unterminated double quote", text: "a: 1\nb: \"abc\n", line: 2, column: 4,
                  message: "unterminated double-quoted scalar (no closing \")"),
        ErrorCase(name: "unterminated single quote", text: "b: 'abc\n", line: 1, column: 4,
                  message: "unterminated single-quoted scalar (no closing ')"),
        ErrorCase(name: "text after a quoted value", text: "a: \"x\" y\n", line: 1, column: 8,
                  message: "unexpected text after the value"),
        ErrorCase(name: "invalid escape", text: "a: \"x\\qy\"\n", line: 1, column: 6,
                  message: "invalid escape '\\q' in a double-quoted scalar"),
        ErrorCase(name: "unterminated flow sequence", text: "[1, 2\n", line: 1, column: 1,
                  message: "unterminated flow sequence (no closing ']')"),
        ErrorCase(name: "flow collection running into the next key", text: "a: [1, 2\nb: 3\n", line: 2, column: 1,
                  message: "this line must be indented more than the enclosing block (is a ']' or '}' missing?)"),
        ErrorCase(name: "missing comma in flow", text: "a: {x: 1 y: 2}\n", line: 1, column: 11,
                  message: "expected ',' or '}' in flow mapping"),
        ErrorCase(name: "alias to unknown anchor", text: "a: 1\nb: *nope\n", line: 2, column: 4,
                  message: "alias '*nope' refers to an unknown anchor"),
        ErrorCase(name: "alias inside its own anchor", text: "a: &x [1, *x]\n", line: 1, column: 11,
                  message: "unsupported feature: recursive alias '*x' (it refers to a node that contains it)"),
        ErrorCase(name: "integer out of range", text: "n: 99999999999999999999\n", line: 1, column: 4,
                  message: "integer '99999999999999999999' is out of range (it does not fit in 64 bits)"),
        ErrorCase(name: "merge key with a scalar", text: "a: &x 1\nb:\n  <<: *x\n", line: 3, column: 7,
                  message: "merge key '<<' needs a mapping or a sequence of mappings"),
        ErrorCase(name: "two anchors on one node", text: "a: &x &y 1\n", line: 1, column: 7,
                  message: "a node may have only one anchor"),
        ErrorCase(name: "block scalar header junk", text: "a: |x\n  text\n", line: 1, column: 5,
                  message: "unexpected text after the block scalar header (expected an indentation digit, '-' or '+')"),
        ErrorCase(name: "document marker inside quotes", text: "a: \"x\n---\ny\"\n", line: 2, column: 1,
                  message: "a document marker cannot appear inside a quoted scalar"),
        ErrorCase(name: "control character", text: "a: b\u{01}\n", line: 1, column: 5,
                  message: "invalid character U+0001 (YAML files may contain only printable characters)"),
    ]

    @Test(arguments: errorCases)
    func errorNamesProblemAndPosition(_ testCase: ErrorCase) {
        let error = parseError(testCase.text)
        #expect(error?.message == testCase.message)
        #expect(error?.location.line == testCase.line)
        #expect(error?.location.column == testCase.column)
        #expect(error?.location.file == "t.yaml")
    }

    @Test func unsupportedFeaturesAreMarkedAsSuch() {
        #expect(parseError("? a\n: b\n")?.isUnsupportedFeature == true)
        #expect(parseError("a: !foo x\n")?.isUnsupportedFeature == true)
        #expect(parseError("a: b\n")?.isUnsupportedFeature == nil)
        #expect(parseError("a: b: c\n")?.isUnsupportedFeature == false)
    }

    @Test func renderedErrorQuotesTheLineWithACaret() {
        let error = parseError("service:\n    name: a\n    name: x\n", file: "tta_config.yaml")
        #expect(error?.description == """
            tta_config.yaml:3:5: error: duplicate key 'name' (first defined at 2:5)
               3 |     name: x
                 |     ^
            """)
    }

    @Test func caretFollowsTabsInTheQuotedLine() {
        let error = parseError("a: [1,\n\tb]\n")
        #expect(error?.sourceLine == "\tb]")
        #expect(error?.description == "t.yaml:2:1: error: tabs are not allowed in indentation\n   2 | \tb]\n     | ^")
    }

    @Test func aliasBombIsStopped() {
        // Nine levels of ten aliases each would expand to 10^9 nodes.
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(aliases)]\n"
        }
        let error = parseError(text)
        #expect(error?.message == "aliases expand to more than 100000 nodes (an alias bomb?)")
        #expect(error?.location.line == 5)
    }

    @Test func modestAliasUseIsFine() throws {
        var text = "base: &base {a: 1, b: [1, 2, 3]}\nitems:\n"
        for _ in 0..<1_000 { text += "  - *base\n" }
        let items = try #require(try parse(text)?["items"]?.sequenceItems)
        #expect(items.count == 1_000)
        #expect(items[999]["b"]?.jsonValue == .array([.int(1), .int(2), .int(3)]))
    }

    // MARK: - Structure

    @Test func blockCollectionsAtAnyDepth() throws {
        let text = """
            # a comment
            services:
              api:
                ports:
                  - 8080
                  - "8443"
                env:
                - name: A   # sequence at the key's own indentation
                  value: 1
                - - nested
                  - compact
              empty:
            """
        #expect(try json(text) == .object([
            ("services", .object([
                ("api", .object([
                    ("ports", .array([.int(8080), .string("8443")])),
                    ("env", .array([
                        .object([("name", .string("A")), ("value", .int(1))]),
                        .array([.string("nested"), .string("compact")]),
                    ])),
                ])),
                ("empty", .null),
            ])),
        ]))
    }

    @Test func flowCollections() throws {
        #expect(try json("a: [1, [], {}, {x: y}, [z, ], 'q']\n") == .object([
            ("a", .array([.int(1), .array([]), .object([]), .object([("x", .string("y"))]), .array([.string("z")]), .string("q")])),
        ]))
        #expect(try json("{a, b: c, \"d\":e}") == .object([("a", .null), ("b", .string("c")), ("d", .string("e"))]))
        #expect(try json("[a: 1, b]") == .array([.object([("a", .int(1))]), .string("b")]))
        #expect(try json("k: [a,\n  b]\n") == .object([("k", .array([.string("a"), .string("b")]))]))
        #expect(parseError("[a, , b]")?.message == "unexpected ',' in flow sequence (an entry is missing)")
    }

    @Test func locationsPointAtNodesAndKeys() throws {
        let root = try #require(try parse("a:\n  b: [1, 2]\n  c: &x 3\nd: *x\n"))
        let pairs = try #require(root["a"]?.mappingPairs)
        #expect(pairs[0].key.location == TTAMonitorCore.SourceLocation(file: "t.yaml", line: 2, column: 3))
        #expect(pairs[0].value.location == TTAMonitorCore.SourceLocation(file: "t.yaml", line: 2, column: 6))
        #expect(pairs[0].value.sequenceItems?[1].location == TTAMonitorCore.SourceLocation(file: "t.yaml", line: 2, column: 10))
        #expect(root["d"]?.location == TTAMonitorCore.SourceLocation(file: "t.yaml", line: 4, column: 4))
        #expect(root["d"]?.scalar?.coreValue == .int(3))
    }

    @Test func documentMarkersAroundOneDocument() throws {
        #expect(try json("---\na: 1\n...\n# trailing comment\n") == .object([("a", .int(1))]))
        #expect(try json("--- [1]\n") == .array([.int(1)]))
        #expect(try json("---\n") == .null)
        #expect(try parse("# only a comment\n\n") == nil)
        #expect(try parse("") == nil)
    }

    // MARK: - Anchors and merge keys

    @Test func mergeKeysExplicitKeysWin() throws {
        let text = """
            base: &base
              host: localhost
              port: 6379
            extra: &extra
              timeout: 5
              port: 1
            redis:
              <<: [*base, *extra]
              port: 6380
            single:
              <<: *extra
            """
        let root = try #require(try parse(text))
        let redis = try #require(root["redis"])
        #expect(redis.mappingPairs?.map { $0.key.scalar?.text } == ["host", "timeout", "port"])
        #expect(redis["port"]?.scalar?.coreValue == .int(6380))
        #expect(redis["host"]?.scalar?.text == "localhost")
        #expect(root["single"]?.jsonValue == .object([("timeout", .int(5)), ("port", .int(1))]))
    }

    @Test func earlierMergeSourcesWin() throws {
        let text = "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc: {<<: [*a, *b]}\n"
        #expect(try parse(text)?["c"]?.jsonValue == .object([("x", .int(1)), ("y", .int(2))]))
    }

    @Test func mergeKeyRules() {
        #expect(parseError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")?.message == "duplicate key '<<' (first defined at 3:3)")
        #expect(parseError("a: &a {x: 1}\nb:\n  <<: [*a, 1]\n")?.message == "merge key '<<' needs a mapping or a sequence of mappings")
        // A quoted '<<' is an ordinary key.
        #expect((try? json("'<<': 1\n")) == .object([("<<", .int(1))]))
    }

    @Test func anchorsOnKeysAndEmptyValues() throws {
        let root = try #require(try parse("a: &empty\nb: *empty\n&k key: value\nc: *k\n"))
        #expect(root["b"]?.scalar?.coreValue == .null)
        #expect(root["c"]?.scalar?.text == "key")
    }

    // MARK: - Scalars

    @Test func blockScalars() throws {
        let text = """
            literal: |
              line 1
                indented
              line 3

            folded: >
              one
              two

              three
                kept
              four
            strip: |-
              x

            keep: |+
              x


            indicator: |2
                four spaces
            last: end
            """
        let root = try #require(try parse(text))
        #expect(root["literal"]?.scalar?.text == "line 1\n  indented\nline 3\n")
        #expect(root["literal"]?.scalar?.style == .literal)
        #expect(root["folded"]?.scalar?.text == "one two\nthree\n  kept\nfour\n")
        #expect(root["folded"]?.scalar?.style == .folded)
        #expect(root["strip"]?.scalar?.text == "x")
        #expect(root["keep"]?.scalar?.text == "x\n\n\n")
        #expect(root["indicator"]?.scalar?.text == "  four spaces\n")
        #expect(root["last"]?.scalar?.text == "end")
    }

    @Test func blockScalarAtEndOfFileWithoutALineBreakReadsAsPyYAMLReadsIt() throws {
        // PyYAML and ruamel.yaml give these values (the yaml-test-suite would add a break).
        #expect(try parse("a: |-\n  x")?["a"]?.scalar?.text == "x")
        #expect(try parse("a: |\n  x\n")?["a"]?.scalar?.text == "x\n")
        #expect(try parse("a: |\n  x")?["a"]?.scalar?.text == "x")
        #expect(try parse("a: |+\n  x")?["a"]?.scalar?.text == "x")
        #expect(try parse("a: >\n  one\n  two")?["a"]?.scalar?.text == "one two")
        #expect(try parse("a: |+\n  x\n  ")?["a"]?.scalar?.text == "x\n")
        #expect(try parse("a: |\n  x\n  ")?["a"]?.scalar?.text == "x\n")
        #expect(try parse("- |\n  t")?.sequenceItems?.first?.scalar?.text == "t")
    }

    @Test(arguments: [
        // Sentry's self-hosted docker-compose.yml closes a nested flow sequence at its key.
        ("services:\n  web:\n    command:\n      [\n        \"run\",\n        \"web\",\n      ]\n", #"{"services":{"web":{"command":["run","web"]}}}"#),
        ("x:\n  a: [\n    1, 2\n  ]\n", #"{"x":{"a":[1,2]}}"#),
        ("x:\n  a: [\n  1, 2]\n", #"{"x":{"a":[1,2]}}"#),
        ("x:\n  a: {\n    b: 1\n  }\n", #"{"x":{"a":{"b":1}}}"#),
        ("a: [\n  1\n]\n", #"{"a":[1]}"#),
        ("x:\n  a: \"one\n  two\"\n", #"{"x":{"a":"one two"}}"#),
    ])
    func flowClosersAndContinuationsAtTheParentsIndentationReadAsPyYAMLReadsThem(text: String, json: String) throws {
        let node = try #require(try parse(text))
        #expect(JSONWriter.render(node.jsonValue, pretty: false) == json)
    }

    @Test(arguments: ["a: [\n1]\n", "a: \"one\ntwo\"\n", "x:\n  a: [\n 1]\n", "x:\n  a: [\n    1\n ]\n"])
    func linesLessIndentedThanTheParentAreStillRefused(text: String) {
        #expect(parseError(text) != nil)
    }

    @Test func quotedScalars() throws {
        let root = try #require(try parse(#"""
            d: "tab\there \x41\u00e9\U0001F600 \"q\" \\ \/ \N\_\L"
            s: 'it''s \n raw'
            folded: "a
              b

              c \
              d"
            plain: multi
              line   plain
            """#))
        #expect(root["d"]?.scalar?.text == "tab\there Aé😀 \"q\" \\ / \u{85}\u{A0}\u{2028}")
        #expect(root["d"]?.scalar?.style == .doubleQuoted)
        #expect(root["s"]?.scalar?.text == "it's \\n raw")
        #expect(root["s"]?.scalar?.style == .singleQuoted)
        #expect(root["folded"]?.scalar?.text == "a b\nc d")
        #expect(root["plain"]?.scalar?.text == "multi line   plain")
    }

    struct SchemaCase: Sendable, CustomTestStringConvertible {
        var text: String
        var value: YAMLCoreValue
        var testDescription: String { text }
    }

    static let schemaCases: [SchemaCase] = [
        SchemaCase(text: "~", value: .null), SchemaCase(text: "null", value: .null),
        SchemaCase(text: "Null", value: .null), SchemaCase(text: "NULL", value: .null),
        SchemaCase(text: "", value: .null), SchemaCase(text: "nULL", value: .string("nULL")),
        SchemaCase(text: "true", value: .bool(true)), SchemaCase(text: "True", value: .bool(true)),
        SchemaCase(text: "TRUE", value: .bool(true)), SchemaCase(text: "false", value: .bool(false)),
        SchemaCase(text: "FALSE", value: .bool(false)),
        SchemaCase(text: "yes", value: .string("yes")), SchemaCase(text: "on", value: .string("on")),
        SchemaCase(text: "0", value: .int(0)), SchemaCase(text: "-12", value: .int(-12)),
        SchemaCase(text: "+12", value: .int(12)), SchemaCase(text: "012", value: .int(12)),
        SchemaCase(text: "0o17", value: .int(15)), SchemaCase(text: "0x1F", value: .int(31)),
        SchemaCase(text: "-0x1F", value: .string("-0x1F")), SchemaCase(text: "0b101", value: .string("0b101")),
        SchemaCase(text: "1_000", value: .string("1_000")),
        SchemaCase(text: "1.5", value: .float(1.5)), SchemaCase(text: "-.5", value: .float(-0.5)),
        SchemaCase(text: "1.", value: .float(1)), SchemaCase(text: "1e3", value: .float(1000)),
        SchemaCase(text: "2.5E-1", value: .float(0.25)), SchemaCase(text: ".inf", value: .float(.infinity)),
        SchemaCase(text: "-.Inf", value: .float(-.infinity)), SchemaCase(text: "+.INF", value: .float(.infinity)),
        SchemaCase(text: "1.2.3", value: .string("1.2.3")), SchemaCase(text: "e3", value: .string("e3")),
        SchemaCase(text: "12:30", value: .string("12:30")), SchemaCase(text: "2024-01-01", value: .string("2024-01-01")),
        SchemaCase(text: "'123'", value: .string("123")), SchemaCase(text: "\"true\"", value: .string("true")),
        SchemaCase(text: "!!str 123", value: .string("123")), SchemaCase(text: "!!int \"12\"", value: .int(12)),
        SchemaCase(text: "!!float 1", value: .float(1)), SchemaCase(text: "!!bool TRUE", value: .bool(true)),
        SchemaCase(text: "!!null ''", value: .null), SchemaCase(text: "!!str", value: .string("")),
    ]

    @Test(arguments: schemaCases)
    func coreSchema(_ testCase: SchemaCase) throws {
        let node = try #require(try parse("v: \(testCase.text)\n")?["v"])
        #expect(node.scalar?.coreValue == testCase.value)
    }

    @Test func notANumberAndJSON() throws {
        let root = try #require(try parse("n: .NaN\ni: 7\nf: 7.0\ns: '7'\nb: false\nz: ~\n"))
        guard case .float(let nan)? = root["n"]?.scalar?.coreValue else {
            Issue.record("expected a float")
            return
        }
        #expect(nan.isNaN)
        #expect(root["i"]?.jsonValue == .int(7))
        guard case .double(let seven)? = root["f"]?.jsonValue else {
            Issue.record("expected a double")
            return
        }
        #expect(seven == 7)
        #expect(root["s"]?.jsonValue == .string("7"))
        #expect(root["b"]?.jsonValue == .bool(false))
        #expect(root["z"]?.jsonValue == .null)
    }

    @Test func keysMustReadTheSameAsJSON() throws {
        #expect(try json("200: ok\ntrue: x\n") == .object([("200", .string("ok")), ("true", .string("x"))]))
        #expect(parseError("0x10: a\n")?.isUnsupportedFeature == true)
        #expect(parseError("~: a\n")?.isUnsupportedFeature == true)
        #expect(parseError("1.5: a\n")?.isUnsupportedFeature == true)
    }

    @Test func windowsLineEndings() throws {
        #expect(try json("a: 1\r\nb:\r\n  - x\r\n") == .object([("a", .int(1)), ("b", .array([.string("x")]))]))
    }

    @Test func nestingIsBoundedNotFatal() throws {
        let deepFlow = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try parse(deepFlow)?.sequenceItems?.count == 1)
        let tooDeepFlow = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(parseError(tooDeepFlow)?.message == "nesting deeper than 256 levels")
        let deepBlock = String(repeating: "- ", count: 120) + "x\n"
        #expect(try parse(deepBlock) != nil)
        var tooDeepBlock = ""
        for level in 0..<300 { tooDeepBlock += String(repeating: " ", count: level) + "k:\n" }
        #expect(parseError(tooDeepBlock)?.message == "nesting deeper than 256 levels")
    }

    @Test func conveniences() throws {
        let root = try #require(try parse("m: {a: 1}\ns: [x]\n"))
        #expect(root["m"]?.mappingPairs?.count == 1)
        #expect(root["m"]?.sequenceItems == nil)
        #expect(root["s"]?.sequenceItems?.first?.scalar?.text == "x")
        #expect(root["s"]?.scalar == nil)
        #expect(root["missing"] == nil)
        #expect(root["s"]?["x"] == nil)
    }
}

@Suite struct YAMLLegacyIntegerTests {
    @Test(arguments: [("5_000", 5000), ("0b1010", 10), ("-1_000", -1000), ("0x_FF", 255), ("+0b1", 1)] as [(String, Int64)])
    func yaml11IntegersAreRecognised(text: String, value: Int64) {
        #expect(YAMLLegacyInteger.value(text) == value)
        #expect(YAMLLegacyInteger.hint(text) == "'\(text)' is a YAML 1.1 spelling; write \(value)")
    }

    @Test(arguments: ["5000", "0777", "0o17", "0x1F", "abc", "_5", "0_777", "1.5_0"])
    func otherTextsGetNoHint(text: String) {
        #expect(YAMLLegacyInteger.value(text) == nil, "\(text)")
    }
}
