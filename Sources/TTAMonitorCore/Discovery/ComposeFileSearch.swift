/// Which compose files discovery reads: `discover` and `check`'s auto-discovery agree on it.
public enum ComposeFileSearch {
    /// `--compose` files, else `monitoring.discovery.compose_files` (relative to the config),
    /// else the compose files next to the config (or in the working directory).
    public static func files(explicit: [String], config: MonitoringConfig?, configPath: String?,
                             locator: ConfigLocator, workingDirectory: String) -> [String] {
        if !explicit.isEmpty { return explicit.map(locator.resolve) }
        let configDirectory = configPath.map { directory(of: locator.resolve($0)) } ?? workingDirectory
        if let configured = config?.discovery.composeFiles, !configured.isEmpty {
            return configured.map { $0.hasPrefix("/") ? $0 : configDirectory + "/" + $0 }
        }
        return ComposeSource.defaultFiles(in: configDirectory)
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
