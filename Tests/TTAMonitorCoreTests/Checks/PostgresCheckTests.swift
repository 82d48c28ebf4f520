import Foundation
import Testing
@testable import TTAMonitorCore

/// The `postgres` check against a real PostgreSQL server (see `PostgresServerProcess`: SSL
/// off, so every conversation takes the `N` path to a startup message).
@Suite struct PostgresCheckTests {
    private func spec(_ server: PostgresServerProcess, user: String = "postgres", database: String? = nil) -> PostgresCheckSpec {
        var spec = PostgresCheckSpec(host: server.host, port: server.port)
        spec.user = user
        spec.database = database
        return spec
    }

    @Test func trustIsOKWithTheServerVersionAndDetailsInOrder() async throws {
        let postgres = try await PostgresServerProcess.shared()
        let result = await PostgresCheck.run(name: "db", spec: spec(postgres), timeout: .seconds(3))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.kind == "postgres")
        #expect(result.check == "db")
        let version = try #require(result.details["server_version"]?.scalarText)
        #expect(version.first?.isNumber == true)
        let shortVersion = String(version.split(separator: " ")[0])
        #expect(result.message.hasPrefix("PostgreSQL \(shortVersion) accepts connections (auth: trust) in "))
        #expect(result.message.hasSuffix(" ms"))
        guard case .object(let members) = result.details else {
            Issue.record("details is not an object")
            return
        }
        #expect(members.map(\.0) == ["server_version", "ssl_available", "auth_method", "sqlstate", "connect_ms", "handshake_ms"])
        #expect(result.details["ssl_available"] == .bool(false))
        #expect(result.details["auth_method"] == .string("trust"))
        #expect(result.details["sqlstate"] == .null)
        #expect((result.details["handshake_ms"]?.number ?? -1) >= 0)
    }

    @Test func anExistingDatabaseByNameIsOK() async throws {
        let postgres = try await PostgresServerProcess.shared()
        let result = await PostgresCheck.run(
            name: "db", spec: spec(postgres, database: "template1"), timeout: .seconds(3))
        #expect(result.status == .ok, "\(result.message)")
    }

    @Test(arguments: [
        (PostgresServerProcess.scramUser, "SCRAM-SHA-256"),
        (PostgresServerProcess.cleartextUser, "cleartext"),
    ])
    func aPasswordRequestIsOKAndNamesTheMethod(user: String, method: String) async throws {
        let postgres = try await PostgresServerProcess.shared()
        let result = await PostgresCheck.run(name: "db", spec: spec(postgres, user: user), timeout: .seconds(3))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.message.hasPrefix("PostgreSQL accepts connections (auth: \(method)) in "))
        #expect(result.details["auth_method"] == .string(method))
        // Only an authenticated session reports parameters.
        #expect(result.details["server_version"] == .null)
    }

    @Test func aMissingDatabaseIsCriticalWithItsSQLState() async throws {
        let postgres = try await PostgresServerProcess.shared()
        let result = await PostgresCheck.run(
            name: "db", spec: spec(postgres, database: "no_such_db"), timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message == #"PostgreSQL refused: FATAL 3D000 database "no_such_db" does not exist"#)
        #expect(result.details["sqlstate"] == .string("3D000"))
        #expect(result.details["auth_method"] == .string("trust"))
    }

    @Test func aUserWithoutPgHbaEntryIsCritical() async throws {
        let postgres = try await PostgresServerProcess.shared()
        let result = await PostgresCheck.run(name: "db", spec: spec(postgres, user: "stranger"), timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("PostgreSQL refused: FATAL 28000 no pg_hba.conf entry for host \"127.0.0.1\""))
        #expect(result.details["sqlstate"] == .string("28000"))
    }

    @Test func latencyAboveThresholdIsCritical() async throws {
        let postgres = try await PostgresServerProcess.shared()
        var spec = spec(postgres)
        spec.latencyMs = Thresholds(warning: 0, critical: 0)
        let result = await PostgresCheck.run(name: "db", spec: spec, timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message.hasSuffix("(over the 0 ms critical threshold)"))
    }
}
