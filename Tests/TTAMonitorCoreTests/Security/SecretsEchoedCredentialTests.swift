import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// A receiver or target that echoes the `Authorization` header it got must not get the
/// credentials into stderr, `last_error` or the database in their encoded form: base64 of
/// `user:password` (padded or not) and the bearer value are masked like the password itself.
@Suite(.serialized) struct SecretsEchoedCredentialTests {
    static func base64(_ text: String) -> String { SecretVariants.base64(Array(text.utf8)) }

    @Test("echoed Basic and Bearer credentials never reach stderr, last_error or the database")
    func echoedCredentialsAreMasked() async throws {
        let directory = try TemporaryDirectory()
        let received = Mutex<[String]>([])
        let echo = try LocalHTTPServer { request in
            let authorization = request.headers["authorization"] ?? "none"
            received.withLock { $0.append(authorization) }
            return .init(status: 500, headers: [("Content-Type", "text/plain")],
                         body: "rejected; you sent Authorization: \(authorization) to \(request.path)")
        }
        defer { echo.stop() }
        let hookBasic = "Basic " + Self.base64("hook:Echo-Hook-Pw-2")
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {timeout: 3s}
              checks:
                - {name: api-basic, type: http, critical: true, url: "\(echo.url("/basic"))", auth: {username: api, password: Echo-Check-Pw-4}}
                - {name: api-bearer, type: http, critical: true, url: "\(echo.url("/bearer"))", auth: {token: Echo-Bearer-Tok-5}}
              alerts:
                rules:
                  - {name: down, kind: status, severity: critical}
                channels:
                  - {name: am, type: alertmanager, url: "http://am-user:Echo-Am-Pw-1@127.0.0.1:\(echo.port)", timeout: 2s}
                  - {name: hook, type: webhook, url: "\(echo.url("/hook"))", headers: {Authorization: "\(hookBasic)"}, timeout: 2s}
                route: {critical: [am, hook]}

            """)
        var sweep = SecretsSweep()
        let push = "http://gw:Echo-Push-Pw-3@127.0.0.1:\(echo.port)/"
        for arguments in [["check"], ["-v", "check", "--json"], ["alerts", "notify-test", "am"], ["alerts", "notify-test", "hook", "--json"],
                          ["alerts", "list", "--state", "all", "-v"], ["alerts", "list", "--state", "all", "--json"],
                          ["status", "-v"], ["export", "--format", "prometheus", "--push", push]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code != 70 && run.code != 64, "\(arguments): \(run.code) \(run.err)")
            sweep.record(arguments, run)
        }

        // The echo did happen (so masking had work to do), for every kind of sender.
        let sent = received.withLock { $0 }
        for expected in ["Basic " + Self.base64("am-user:Echo-Am-Pw-1"), hookBasic, "Basic " + Self.base64("gw:Echo-Push-Pw-3"),
                         "Basic " + Self.base64("api:Echo-Check-Pw-4"), "Bearer Echo-Bearer-Tok-5"] {
            #expect(sent.contains(expected), "\(expected) never sent: \(sent)")
        }
        #expect(sweep.transcript.contains("you sent Authorization: Basic ********") || sweep.transcript.contains("Basic [secret]"),
                "\(sweep.transcript)")
        let lastErrors = try SQLiteRows.strings(directory.file("monitor.db"), "SELECT last_error FROM notifications WHERE last_error IS NOT NULL")
        #expect(!lastErrors.isEmpty, "no delivery failed, so last_error was never written")

        let needles = ["Echo-Am-Pw-1", "Echo-Hook-Pw-2", "Echo-Push-Pw-3", "Echo-Check-Pw-4", "Echo-Bearer-Tok-5"]
            + ["am-user:Echo-Am-Pw-1", "hook:Echo-Hook-Pw-2", "gw:Echo-Push-Pw-3", "api:Echo-Check-Pw-4"].map { pair in
                var unpadded = Self.base64(pair)
                while unpadded.hasSuffix("=") { unpadded.removeLast() }
                return unpadded
            }
        let files = try SecretsSweep.writtenFiles(in: directory.path, inputs: ["tta_config.yaml"])
        let leaks = sweep.leaks(of: needles, files: files) + lastErrors.flatMap { row in
            needles.filter { row.joined().contains($0) }.map { "last_error holds \($0): \(row)" }
        }
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("encoded forms of a credential", arguments: [
        ("Aladdin", "open sesame", ["QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "QWxhZGRpbjpvcGVuIHNlc2FtZQ", "open%20sesame"]),
        ("u", "p/\"w", ["p\\/\\\"w", "p/\\\"w", "p%2F%22w"]),
    ])
    func encodedForms(user: String, password: String, expected: [String]) {
        let forms = SecretVariants.basicCredentialForms(user: user, password: password)
        for form in expected { #expect(forms.contains(form), "\(form) missing from \(forms)") }
    }
}
