import Foundation
import Testing

/// docs/ is the configuration reference: every key a config decoder reads (a `reader.…("key")`
/// call or an `accept([...])` list, found by a source scan) is named in docs/*.md — as
/// `` `key` ``, in a dotted path, or as a YAML key in an example.
@Suite struct ConfigKeysDocumentedTests {
    static func decodedKeys() throws -> Set<String> {
        let root = DocumentationFiles.path("Sources/TTAMonitorCore")
        let read = try NSRegularExpression(pattern: #"\breader\.(?:string|nonEmptyString|bool|int|number|requiredNumber|duration|positiveDuration|fileMode|stringList|commandList|intList|mapping|durationThresholds|numberThresholds|node)\("([a-z_0-9]+)""#)
        let accepted = try NSRegularExpression(pattern: #"accept\(\[([^\]]*)\]"#)
        let literal = try NSRegularExpression(pattern: #""([a-z_0-9]+)""#)
        var keys: Set<String> = []
        for case let relative as String in FileManager.default.enumerator(atPath: root)! where relative.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            for match in read.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
            for list in accepted.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let inner = String(text[Range(list.range(at: 1), in: text)!])
                for match in literal.matches(in: inner, range: NSRange(inner.startIndex..., in: inner)) {
                    keys.insert(String(inner[Range(match.range(at: 1), in: inner)!]))
                }
            }
        }
        return keys
    }

    @Test func everyConfigKeyIsDocumented() throws {
        let keys = try Self.decodedKeys()
        #expect(keys.count >= 50, "the source scan found too few keys: \(keys.sorted())")
        let docs = try FileManager.default.contentsOfDirectory(atPath: DocumentationFiles.path("docs")).filter { $0.hasSuffix(".md") }
            .map { try DocumentationFiles.read("docs/" + $0) }.joined(separator: "\n")
        let missing = try keys.filter { key in
            let named = try NSRegularExpression(pattern: "[`.]\(key)[`.:]|^\\s*-?\\s*\(key):|[{,]\\s*\(key):", options: .anchorsMatchLines)
            return named.firstMatch(in: docs, range: NSRange(docs.startIndex..., in: docs)) == nil
        }
        #expect(missing.isEmpty, "config keys named nowhere in docs/: \(missing.sorted())")
    }
}
