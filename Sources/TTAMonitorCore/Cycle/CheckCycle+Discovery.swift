/// `monitoring.discovery.auto`: the discovered components join the checks before probing.
extension CheckCycle {
    /// Runs a quick discovery, saves it, and adds the saved components' checks to `config`.
    /// Without a database (`--no-store` and none yet) there is nowhere to save: nothing added.
    mutating func addDiscoveredChecks(composeFiles: [String]) async throws {
        guard config.discovery.auto, let database else { return }
        let discovered = try await AutoDiscovery.run(config: config, configText: try ConfigLoader.readFile(config.sourcePath),
                                                     environment: environment, composeFiles: composeFiles, database: database)
        for text in discovered.notes { note(text) }
        config.checks += discovered.checks
    }
}
