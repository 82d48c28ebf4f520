/// Follows redirects hop by hop instead of leaving it to libcurl, which sends every custom
/// header (`X-Api-Key: …`) on to whatever host a `Location` names. Once a redirect leaves the
/// request's origin (scheme, host or port), secret headers and credentials are dropped for
/// the rest of the chain, even if a later hop comes back.
enum HTTPRedirects {
    /// The statuses libcurl follows.
    static let followed: Set<Int> = [301, 302, 303, 307, 308]

    /// Performs `original` and the redirects it leads to, each through `single`, within the
    /// original timeout and redirect budget. Timings are cumulative from the first request,
    /// as libcurl reports them for a chain it follows itself.
    static func perform(_ original: HTTPProbeRequest,
                        single: (HTTPProbeRequest) async -> HTTPProbeResponse) async -> HTTPProbeResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let origin = HTTPOrigin(original.url)
        var request = original
        request.followRedirects = false
        var hops = 0
        var elapsedMs = 0.0
        while true {
            var response = await single(request)
            response.timings = shifted(response.timings, by: elapsedMs)
            response.redirectCount = hops
            guard response.completed, followed.contains(response.statusCode), let next = response.redirectURL else {
                return response
            }
            guard hops < original.maxRedirects else {
                response.curlCode = CurlCodes.tooManyRedirects
                response.errorMessage = "Maximum (\(original.maxRedirects)) redirects followed"
                return response
            }
            let remaining = original.timeout - (clock.now - start)
            guard remaining > .zero else {
                response.curlCode = CurlCodes.operationTimedOut
                response.errorMessage = "timed out"
                return response
            }
            elapsedMs = response.timings.totalMs
            hops += 1
            request.url = next
            request.timeout = remaining
            if HTTPOrigin(next) != origin {
                request.headers.removeAll { SecretMasker.isSecretName($0.name) }
                request.auth = nil
            }
            // libcurl's rules without CURLOPT_POSTREDIR: 303 turns anything but HEAD into a
            // GET, 301 and 302 turn a POST into one; 307 and 308 keep method and body.
            let method = request.method.uppercased()
            if (response.statusCode == 303 && method != "HEAD") || ([301, 302].contains(response.statusCode) && method == "POST") {
                request.method = "GET"
                request.body = nil
            }
        }
    }

    /// A later hop's phases measured from the chain's start; phases that did not happen stay 0.
    private static func shifted(_ timings: HTTPTimings, by offset: Double) -> HTTPTimings {
        guard offset > 0 else { return timings }
        var result = timings
        for path in [\HTTPTimings.nameLookupMs, \.connectMs, \.appConnectMs, \.preTransferMs, \.startTransferMs, \.totalMs]
            where result[keyPath: path] > 0 {
            result[keyPath: path] += offset
        }
        return result
    }
}
