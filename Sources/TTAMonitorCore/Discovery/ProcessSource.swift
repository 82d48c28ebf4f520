/// Known TTA processes, recognized by their command lines.
public enum ProcessSource {
    /// What a command line is, when it is one of TTA's.
    public static func component(forArguments arguments: [String]) -> (name: String, kind: String?)? {
        guard let program = arguments.first else { return nil }
        let executable = String(program.split(separator: "/").last ?? "")
        let line = arguments.joined(separator: " ")
        let python = executable.hasPrefix("python") || executable == "uvicorn" || executable == "gunicorn"
            || executable == "celery" || executable == "streamlit"
        if python, line.contains("uvicorn") || line.contains("gunicorn") {
            if line.contains("player_experience") { return ("player-api", HTTPCheckSpec.kindName) }
            if line.contains("src.main") { return ("tta-api", HTTPCheckSpec.kindName) }
        }
        if python, line.contains("celery") { return ("celery", nil) }
        if python, line.contains("streamlit"), line.contains(" run") { return ("streamlit-app", HTTPCheckSpec.kindName) }
        if executable == "java", line.contains("org.neo4j") || line.contains("neo4j") { return ("neo4j", nil) }
        if executable == "redis-server" || executable.hasPrefix("redis-server") { return ("redis", RedisCheckSpec.kindName) }
        return nil
    }

    /// Findings for every recognized process: one per socket it listens on, or one without
    /// an endpoint (a `process` check) when it listens on none.
    public static func findings(sockets: [ListeningSocket]) async -> [DiscoveryFinding] {
        await BlockingCall.run {
            var found: [DiscoveryFinding] = []
            for pid in ProcTable.pids() {
                guard let arguments = ProcTable.arguments(pid), let match = component(forArguments: arguments) else { continue }
                let comm = ProcTable.comm(pid)
                let owned = sockets.filter { $0.pid == pid }
                if owned.isEmpty {
                    found.append(DiscoveryFinding(source: .processes, origin: "pid \(pid)", name: match.name, kind: nil,
                                                  pid: pid, process: comm))
                }
                for socket in owned {
                    found.append(DiscoveryFinding(source: .processes, origin: "pid \(pid)", name: match.name, kind: match.kind,
                                                  host: socket.address, port: socket.port, pid: pid, process: comm))
                }
            }
            return found
        }
    }
}
