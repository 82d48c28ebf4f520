import Foundation
@testable import TTAMonitorCore

/// Runs the binary on a pseudo-terminal with util-linux `script`, as a person at a terminal
/// would, and judges what reached that terminal.
enum HostileTerminal {
    /// The hostile payload a target sends: set the window title (OSC … BEL), clear the screen
    /// (CSI 2J), go back to the line start (CR) and erase (BS), a C1 CSI, a bidi override.
    static let payload = "\u{1B}]0;pwned-title\u{07}\u{1B}[2Jgone\r\u{08}\u{08}\u{9B}31m\u{202E}evil"

    /// Everything the terminal received (stdout and stderr together, as on a real terminal).
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) async throws -> (code: Int32, bytes: [UInt8]) {
        let command = ([BinaryRunner.binaryPath] + arguments).map(shellQuoted).joined(separator: " ")
        // TERM set so colour is on: the tool's own SGR codes must still get through.
        let outcome = try await BinaryRunner.run(["-qec", command, "/dev/null"], in: directory,
                                                 environment: ["TERM": "xterm"].merging(environment) { $1 },
                                                 executable: "/usr/bin/script")
        return (outcome.code, Array(outcome.out.utf8))
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Problems with `bytes` as terminal input: any ESC that does not start a plain SGR colour
    /// sequence, BEL, BS, a C1 control, a bidi override, or a CR that is not the pty's CR LF.
    /// The tool's own progress line (`…\r` then `ESC[K`, erase to the end of line) is allowed.
    static func problems(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x1B:
                var end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "[") {
                    end += 1
                    while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: ";") { end += 1 }
                    if end < bytes.count, bytes[end] == UInt8(ascii: "m") || (end == index + 2 && bytes[end] == UInt8(ascii: "K")) {
                        index = end + 1
                        continue
                    }
                }
                found.append("ESC at \(index): \(context(bytes, index))")
            case 0x07, 0x08, 0x7F: found.append("control \(byte) at \(index): \(context(bytes, index))")
            case 0x0D where index + 1 >= bytes.count || (bytes[index + 1] != 0x0A && bytes[index + 1] != 0x1B):
                found.append("bare CR at \(index): \(context(bytes, index))")
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                found.append("C1 control at \(index): \(context(bytes, index))")
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAE:
                found.append("bidi override at \(index): \(context(bytes, index))")
            default: break
            }
            index += 1
        }
        return found
    }

    private static func context(_ bytes: [UInt8], _ index: Int) -> String {
        let slice = bytes[max(0, index - 40)..<min(bytes.count, index + 40)]
        return String(decoding: slice, as: UTF8.self).debugDescription
    }
}
