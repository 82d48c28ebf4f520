import Foundation

/// A self-signed certificate and its key, made with the `openssl` command in a test's
/// temporary directory, with the validity a test needs.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// let soon = try await TLSTestCertificate.make(in: directory, days: 5)
/// let old = try await TLSTestCertificate.makeExpired(in: directory)   // Jan–Feb 2020
/// ```
///
/// Keys are P-256 (milliseconds to generate, where RSA takes a good part of a second).
/// When `openssl` is missing the tests fail with a message naming the package.
struct TLSTestCertificate: Sendable {
    /// PEM certificate path.
    let certificatePath: String
    /// PEM private key path.
    let keyPath: String

    /// Why a certificate could not be made.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Valid from now for `days` days, for `commonName` (also its DNS name), and for
    /// 127.0.0.1 as an IP address.
    static func make(in directory: TemporaryDirectory, commonName: String = "localhost",
                     days: Int) async throws -> TLSTestCertificate {
        let name = "\(commonName)-\(days)d-\(UUID().uuidString.prefix(8))"
        let certificate = TLSTestCertificate(certificatePath: directory.file(name + ".crt"),
                                             keyPath: directory.file(name + ".key"))
        try await runOpenSSL([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-days", String(days), "-subj", "/CN=\(commonName)",
            "-addext", "subjectAltName=DNS:\(commonName),IP:127.0.0.1",
            "-keyout", certificate.keyPath, "-out", certificate.certificatePath,
        ], in: directory.path)
        return certificate
    }

    /// Valid from 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z. `openssl req -days` takes no
    /// past dates, and `-not_after` only exists from OpenSSL 3.4, so this goes through
    /// `openssl ca -selfsign`, which has taken explicit dates for ever.
    static func makeExpired(in directory: TemporaryDirectory, commonName: String = "localhost") async throws -> TLSTestCertificate {
        let ca = directory.file("expired-ca-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: ca, withIntermediateDirectories: false)
        try "".write(toFile: ca + "/index.txt", atomically: true, encoding: .utf8)
        try "01\n".write(toFile: ca + "/serial", atomically: true, encoding: .utf8)
        try """
        [ca]
        default_ca = selfsigned
        [selfsigned]
        database = index.txt
        new_certs_dir = .
        serial = serial
        default_md = sha256
        policy = anything
        unique_subject = no
        [anything]
        commonName = supplied

        """.write(toFile: ca + "/ca.cnf", atomically: true, encoding: .utf8)
        let certificate = TLSTestCertificate(certificatePath: ca + "/cert.pem", keyPath: ca + "/key.pem")
        try await runOpenSSL([
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-subj", "/CN=\(commonName)", "-keyout", certificate.keyPath, "-out", ca + "/request.csr",
        ], in: ca)
        try await runOpenSSL([
            "ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile", certificate.keyPath,
            "-in", "request.csr", "-startdate", "20200101000000Z", "-enddate", "20200201000000Z",
            "-out", certificate.certificatePath,
        ], in: ca)
        return certificate
    }

    /// `/usr/bin/openssl`, else the first on `PATH`.
    static func opensslExecutable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/openssl"] + path.split(separator: ":").map { $0 + "/openssl" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "openssl not found (/usr/bin, PATH); install it (apt-get install openssl) — CI does")
        }
        return URL(fileURLWithPath: found)
    }

    private static func runOpenSSL(_ arguments: [String], in directory: String) async throws {
        let executable = try opensslExecutable()
        try await offloaded {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Read before waiting: a full pipe would otherwise stall the child.
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw Failure(description: "openssl \(arguments.prefix(1).joined()) failed (\(process.terminationStatus)): \(text)")
            }
        }
    }
}
