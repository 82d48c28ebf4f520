import CCurl

/// Performs HTTP requests through the process's shared libcurl multi handle, so that any
/// number of requests wait concurrently without occupying Swift's cooperative threads.
public enum HTTPProbe {
    /// Performs `request` and returns what happened; transport failures are reported in the
    /// response (`curlCode`), never thrown. Cancelling the calling task abandons the transfer.
    public static func perform(_ request: HTTPProbeRequest) async -> HTTPProbeResponse {
        guard request.followRedirects else { return await performOnce(request) }
        return await HTTPRedirects.perform(request, single: performOnce)
    }

    /// One exchange, no redirect followed.
    private static func performOnce(_ request: HTTPProbeRequest) async -> HTTPProbeResponse {
        if let loadError = tta_curl_load_error() {
            return failure(code: CurlCodes.failedInit, message: String(cString: loadError))
        }
        if let problem = requestProblem(request) {
            return failure(code: CurlCodes.badFunctionArgument, message: problem)
        }
        guard let transfer = CurlTransfer(request: request) else {
            return failure(code: CurlCodes.outOfMemory, message: "could not create a curl handle")
        }
        let loop = CurlMultiLoop.shared
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Line breaks in a header would let a value smuggle extra headers into the request; the
    /// message names the header but never its value, which may be a credential. Bytes, not
    /// Characters, are inspected: "\r\n" is one Character and would match neither alone.
    private static func requestProblem(_ request: HTTPProbeRequest) -> String? {
        for header in request.headers {
            if hasLineBreak(header.name) || hasLineBreak(header.value) {
                let name = String(decoding: header.name.utf8.filter { $0 != 13 && $0 != 10 }, as: UTF8.self)
                return "header '\(name)' contains a line break"
            }
            if header.name.isEmpty || header.name.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 <= 32 }) {
                return "invalid header name '\(header.name)'"
            }
        }
        if case .bearer(let token)? = request.auth, hasLineBreak(token) {
            return "bearer token contains a line break"
        }
        if request.method.isEmpty || request.method.utf8.contains(where: { $0 <= 32 }) {
            return "invalid method '\(request.method)'"
        }
        return nil
    }

    private static func hasLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 == 13 || $0 == 10 }
    }

    private static func failure(code: Int, message: String) -> HTTPProbeResponse {
        var response = HTTPProbeResponse()
        response.curlCode = code
        response.errorMessage = message
        return response
    }
}
