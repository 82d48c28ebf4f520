import Foundation
import Testing

/// deploy/alertmanager/alertmanager.yml loads in the real `amtool`; a broken copy does not.
@Suite struct AlertmanagerDeployTests {
    static func checkConfig(_ copy: DeployCopy) async throws -> ShellProcess.Outcome {
        let amtool = try DeployCopy.tool("amtool", package: "prometheus-alertmanager")
        return try await ShellProcess.run(amtool, ["check-config", copy.path("alertmanager/alertmanager.yml")])
    }

    @Test func theRoutingConfigChecks() async throws {
        let run = try await Self.checkConfig(try DeployCopy())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("2 receivers"), "\(run.stdout)")
    }

    @Test func aRouteToAMissingReceiverFails() async throws {
        let copy = try DeployCopy()
        try copy.replace("- receiver: on-call-pager", with: "- receiver: on-call-pagr", in: "alertmanager/alertmanager.yml")
        let run = try await Self.checkConfig(copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
    }
}
