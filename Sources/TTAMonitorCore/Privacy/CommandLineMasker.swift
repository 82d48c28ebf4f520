/// Masks the credentials people put on command lines (`redis-cli -a PASSWORD ping`,
/// `cypher-shell -u neo4j -p PASSWORD`, `curl -u user:pass`, `PGPASSWORD=x psql`,
/// `--password=x`, URLs with a password) before a discovered command is shown or saved.
/// References (`$VAR`, `${VAR}`, `$$VAR` in compose files) stay: they hold no secret.
public enum CommandLineMasker {
    /// Programs whose `-a` is a password.
    private static let dashAPrograms = ["redis-cli", "valkey-cli", "keydb-cli"]
    /// Programs whose `-p` is a password (elsewhere it is usually a port).
    private static let dashPPrograms = ["cypher-shell"]
    /// Programs that take the password glued to `-p` (`-pSECRET`).
    private static let gluedPPrograms = ["mysql", "mysqladmin", "mariadb", "mariadb-admin"]

    /// An argument vector with its credentials masked, word for word.
    public static func mask(words: [String]) -> [String] {
        var programs: [String] = []
        var masked: [String] = []
        var previous: String?
        for word in words {
            if programs.isEmpty || ["&&", "||", ";", "|"].contains(previous ?? "") {
                programs.append(String(word.split(separator: "/").last ?? Substring(word)))
            }
            masked.append(maskWord(word, after: previous, programs: programs))
            previous = word
        }
        return masked
    }

    /// A configured argv as `config show` prints it: a `/bin/sh -c LINE` command has its
    /// line masked as shell text, any other its words.
    public static func mask(argv: [String]) -> [String] {
        if argv.count == 3, argv[0] == "/bin/sh", argv[1] == "-c" { return [argv[0], argv[1], mask(shell: argv[2])] }
        return mask(words: argv)
    }

    /// A `/bin/sh -c` line with its credentials masked; quoting and spacing are kept.
    public static func mask(shell line: String) -> String {
        let tokens = ShellWord.split(line)
        let words = mask(words: tokens.map(\.text))
        var out = ""
        for (token, word) in zip(tokens, words) {
            out += token.leading + (word == token.text ? token.raw : token.quote + word + token.quote)
        }
        return out + (tokens.last?.trailing ?? line)
    }

    private static func maskWord(_ word: String, after previous: String?, programs: [String]) -> String {
        if isReference(word) { return word }
        if let previous {
            let flag = previous.lowercased()
            if flag == "-a", programs.contains(where: dashAPrograms.contains) { return SecretMasker.mask }
            if flag == "-p", programs.contains(where: dashPPrograms.contains) { return SecretMasker.mask }
            // `--pass`, redis-server's `--requirepass`, `--masterauth`, `--password`, `--token`.
            if flag.hasPrefix("--"), !flag.contains("="), SecretMasker.isSecretName(String(flag.dropFirst(2))) || flag.hasSuffix("pass") {
                return SecretMasker.mask
            }
            if flag == "-u" || flag == "--user", !word.contains("://"), let colon = word.firstIndex(of: ":") {
                return word[...colon] + SecretMasker.mask
            }
            if flag == "-h" || flag == "--header", let colon = word.firstIndex(of: ":"),
               SecretMasker.isSecretName(String(word[..<colon])) {
                return word[...colon] + " " + SecretMasker.mask
            }
        }
        if let equals = word.firstIndex(of: "="), equals > word.startIndex {
            let name = word[..<equals].drop { $0 == "-" }
            let value = word[word.index(after: equals)...]
            if SecretMasker.isSecretName(String(name)) || name.lowercased().hasSuffix("pass"), !value.isEmpty, !isReference(String(value)) {
                return word[...equals] + SecretMasker.mask
            }
        }
        if word.hasPrefix("-p"), word.count > 2, programs.contains(where: gluedPPrograms.contains) {
            return "-p" + SecretMasker.mask
        }
        return word.contains("://") ? SecretMasker.maskURL(word) : word
    }

    private static func isReference(_ word: String) -> Bool {
        word.hasPrefix("$") && !word.dropFirst().contains(where: { $0 == " " || $0 == ":" || $0 == "@" })
    }
}
