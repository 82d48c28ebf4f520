/// The HTTP side of a `neo4j` check: Neo4j's discovery document, served at the root of its
/// HTTP connector (`http://host:7474/`):
/// `{"bolt_routing":"neo4j://host:7687","bolt_direct":"bolt://host:7687",
/// "transaction":"…","neo4j_version":"5.26.1","neo4j_edition":"community"}`.
enum Neo4jDiscovery {
    /// What the document says about the server; either field may be absent (older servers,
    /// or ones configured to hide them).
    struct Document: Equatable {
        /// `neo4j_version`, e.g. `5.26.1`.
        var version: String?
        /// `neo4j_edition`, `community` or `enterprise`.
        var edition: String?
    }

    /// A discovery request that did not produce the document: the status it earns (UNKNOWN
    /// for a URL that cannot be requested at all) and why, worded without the prefix.
    struct Failure: Error, Equatable {
        var status: CheckStatus
        var reason: String
    }

    /// GETs `url` within what is left of `deadline`; the message of a timeout names the
    /// check's whole budget, like the socket errors do.
    static func fetch(_ url: String, deadline: SocketDeadline) async -> Result<Document, Failure> {
        let request = HTTPProbeRequest(
            url: url,
            // With a browser's Accept header Neo4j redirects `/` to its Browser UI.
            headers: [HTTPHeader(name: "Accept", value: "application/json")],
            timeout: deadline.remaining,
            maxBodyBytes: 65_536)
        let response = await HTTPProbe.perform(request)
        if let (status, message) = HTTPTransportFailure.verdict(for: response, url: url, timeout: deadline.budget) {
            return .failure(Failure(status: status, reason: message))
        }
        guard response.statusCode == 200 else {
            return .failure(Failure(status: .critical, reason: "HTTP \(response.statusCode) (expected 200)"))
        }
        return document(from: response.body)
    }

    /// Parses and validates the body: JSON naming at least one Bolt address.
    static func document(from body: [UInt8]) -> Result<Document, Failure> {
        let json: JSONValue
        do throws(JSONParser.Failure) {
            json = try JSONParser.parse(bytes: body)
        } catch {
            let reason = body.isEmpty ? "empty body, expected JSON" : "body is not JSON: \(error)"
            return .failure(Failure(status: .critical, reason: reason))
        }
        let boltAddresses = ["bolt_routing", "bolt_direct"].compactMap { text(json[$0]) }
        guard !boltAddresses.isEmpty else {
            return .failure(Failure(status: .critical,
                                    reason: "no bolt_routing or bolt_direct in the response: not Neo4j's discovery document"))
        }
        return .success(Document(version: text(json["neo4j_version"]), edition: text(json["neo4j_edition"])))
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard case .string(let text) = value, !text.isEmpty else { return nil }
        return text
    }
}
