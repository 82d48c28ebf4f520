/// Names for the `AuthenticationRequest` (`R`) codes a server opens with: what `pg_hba.conf`
/// asks of this user from this address.
enum PostgresAuthentication {
    /// `AuthenticationOk`: no password asked (`trust`, or `peer`/`ident` that let us in).
    static let ok: Int32 = 0

    /// The method's name for messages and details: `trust`, `cleartext`, `md5`, the SASL
    /// mechanisms offered (`SCRAM-SHA-256`), `GSSAPI`, `SSPI`; `request N` for codes that
    /// are not requests a server opens with.
    static func method(code: Int32, body: [UInt8]) -> String {
        switch code {
        case ok: return "trust"
        case 2: return "Kerberos V5"
        case 3: return "cleartext"
        case 5: return "md5"
        case 7: return "GSSAPI"
        case 9: return "SSPI"
        case 10:
            // AuthenticationSASL: the code, then the mechanism names, each NUL-terminated.
            let mechanisms = PostgresBackendMessage.cStrings(body, from: 4)
            return mechanisms.isEmpty ? "SASL" : mechanisms.joined(separator: ", ")
        default: return "request \(code)"
        }
    }
}
