import Testing
@testable import TTAMonitorCore

@Suite struct SecretMaskerTests {
    @Test(arguments: [
        ("redis://:s3cret@localhost:6379/0", "redis://:********@localhost:6379/0"),
        ("https://user:pw@example.com/x?token=abc&page=2", "https://user:********@example.com/x?token=********&page=2"),
        ("http://localhost:8080/health", "http://localhost:8080/health"),
        ("https://hooks.example/hook?api_key=k#frag", "https://hooks.example/hook?api_key=********#frag"),
    ])
    func masksURLs(_ input: String, _ expected: String) {
        #expect(SecretMasker.maskURL(input) == expected)
    }

    @Test func secretNames() {
        for name in ["neo4j_password", "Authorization", "X-Api-Key", "jwt_secret_key", "OPENAI_API_KEY", "token"] {
            #expect(SecretMasker.isSecretName(name), "\(name)")
        }
        for name in ["url", "name", "X-Trace", "port"] {
            #expect(!SecretMasker.isSecretName(name), "\(name)")
        }
    }
}
