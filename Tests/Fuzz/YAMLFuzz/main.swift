#if canImport(Glibc)
import Glibc
#endif

// libFuzzer harness for the YAML subset parser. Build and run: see README.md beside this file.
//
// Beyond "never crashes or hangs", every error must name a line that exists (plus one, for
// an error at the very end) and carry a message, since config errors are shown to people
// as file:line:column.

@_cdecl("LLVMFuzzerTestOneInput")
public func yamlFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Config files are read as UTF-8 and refused otherwise, so only valid text reaches the parser.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    // YAML breaks lines at LF, CRLF and a lone CR alike.
    var lines = 1
    for (index, byte) in bytes.enumerated() where byte == 10 || (byte == 13 && (index + 1 == bytes.count || bytes[index + 1] != 10)) {
        lines += 1
    }
    do {
        _ = try YAMLParser.parse(text, file: "fuzz.yaml")
    } catch {
        require(!error.message.isEmpty, "an error without a message")
        require(error.location.line >= 1 && error.location.line <= lines + 1,
                     "error on line \(error.location.line) of \(lines): \(error)")
        require(error.location.column >= 1, "column \(error.location.column): \(error)")
    }
    return 0
}

/// Like `precondition`, but the message survives `-O` (which drops precondition messages).
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "") {
    guard !condition() else { return }
    var bytes = Array("invariant broken: \(message())\n".utf8)
    _ = write(2, &bytes, bytes.count)
    abort()
}
