/// Scheme, host and port of a URL, the unit credentials belong to: a redirect that changes
/// any of them goes to someone else.
struct HTTPOrigin: Equatable {
    let scheme: String
    let host: String
    let port: Int?

    init(_ url: String) {
        let parts = URLParts.parse(url)
        scheme = parts?.scheme.lowercased() ?? ""
        host = parts?.host.lowercased() ?? url
        let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        port = parts?.port ?? defaultPort
    }
}
