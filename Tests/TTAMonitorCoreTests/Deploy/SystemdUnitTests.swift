import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// deploy/systemd/: every unit passes `systemd-analyze verify`, and the sysusers.d and
/// tmpfiles.d snippets create the user and the database directory in a scratch root.
///
/// verify needs the `ExecStart=` program to exist, so the copy points it at the built
/// binary instead of /usr/local/bin/tta-monitor; `--man=no` because the man page is not
/// installed where verify looks for `Documentation=man:tta-monitor(1)`.
@Suite struct SystemdUnitTests {
    static let units = ["tta-monitor-serve.service", "tta-monitor-check.service", "tta-monitor-check.timer",
                        "tta-monitor-purge.service", "tta-monitor-purge.timer",
                        "tta-monitor-carbon.service", "tta-monitor-carbon.timer"]

    /// A copy whose services run the binary these tests were built with.
    static func copyWithBinary() throws -> DeployCopy {
        let copy = try DeployCopy()
        for unit in units where unit.hasSuffix(".service") {
            try copy.replace("/usr/local/bin/tta-monitor", with: BinaryRunner.binaryPath, in: "systemd/" + unit)
        }
        return copy
    }

    static func verify(_ unit: String, in copy: DeployCopy) async throws -> ShellProcess.Outcome {
        let analyze = try DeployCopy.tool("systemd-analyze", package: "systemd")
        return try await ShellProcess.run(analyze, ["verify", "--man=no", "./" + unit], workingDirectory: copy.path("systemd"))
    }

    @Test func theFolderHoldsTheUnitsTheseTestsVerify() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: DocumentationFiles.path("deploy/systemd"))
        #expect(Set(files.filter { $0.hasSuffix(".service") || $0.hasSuffix(".timer") }) == Set(Self.units))
    }

    @Test(arguments: units)
    func verifies(_ unit: String) async throws {
        let run = try await Self.verify(unit, in: try Self.copyWithBinary())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // verify reports a misspelt key as a warning and still exits 0: silence is the pass.
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func theServeUnitIsSandboxedAsTheIssueAsks() throws {
        let text = try String(contentsOfFile: DocumentationFiles.path("deploy/systemd/tta-monitor-serve.service"), encoding: .utf8)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for setting in ["User=tta-monitor", "ProtectSystem=strict", "ReadWritePaths=/var/lib/tta-monitor", "NoNewPrivileges=yes",
                        "PrivateTmp=yes", "ProtectHome=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK",
                        "CapabilityBoundingSet=", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure"] {
            #expect(lines.contains(setting), "missing \(setting)")
        }
    }

    @Test func aMisspeltSettingFails() async throws {
        let copy = try Self.copyWithBinary()
        try copy.replace("ExecStart=", with: "ExecStrat=", in: "systemd/tta-monitor-check.service")
        let run = try await Self.verify("tta-monitor-check.service", in: copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func aMissingProgramFails() async throws {
        let copy = try DeployCopy()
        let run = try await Self.verify("tta-monitor-serve.service", in: copy)
        // /usr/local/bin/tta-monitor is not installed on a test machine; if it is, this proves nothing.
        if !FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tta-monitor") {
            #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
        }
    }

    /// sysusers and tmpfiles write into `--root`, but chown needs root.
    @Test(.enabled(if: getuid() == 0))
    func theUserAndTheDatabaseDirectoryAreCreated() async throws {
        let copy = try DeployCopy()
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path + "/etc", withIntermediateDirectories: true)
        let sysusers = try DeployCopy.tool("systemd-sysusers", package: "systemd")
        let users = try await ShellProcess.run(sysusers, ["--root=\(root.path)", copy.path("systemd/tta-monitor.sysusers.conf")])
        #expect(users.status == 0, "\(users.stderr)")
        let passwd = try String(contentsOfFile: root.path + "/etc/passwd", encoding: .utf8)
        #expect(passwd.contains("tta-monitor:x:"), "\(passwd)")
        #expect(passwd.contains(":/var/lib/tta-monitor:/usr/sbin/nologin"), "\(passwd)")

        let tmpfiles = try DeployCopy.tool("systemd-tmpfiles", package: "systemd")
        let created = try await ShellProcess.run(tmpfiles, ["--create", "--root=\(root.path)", copy.path("systemd/tta-monitor.tmpfiles.conf")])
        #expect(created.status == 0, "\(created.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: root.path + "/var/lib/tta-monitor")
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect((attributes[.ownerAccountID] as? Int).map { $0 != 0 } == true, "the database directory must belong to the service user")
    }
}
