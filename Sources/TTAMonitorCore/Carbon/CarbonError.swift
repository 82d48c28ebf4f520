/// What can go wrong in carbon accounting, with the exit status each maps to.
public enum CarbonError: ReportableError, Equatable {
    /// An input file is not what it claims to be, or has rows that cannot be read (65).
    case badData(String)
    /// An input file does not exist or cannot be opened (66).
    case missingInput(String)
    /// A measurement could not be taken at all (74).
    case measurement(String)

    public var exitCode: ExitCode {
        switch self {
        case .badData: .dataError
        case .missingInput: .noInput
        case .measurement: .ioError
        }
    }

    public var description: String {
        switch self {
        case .badData(let message), .missingInput(let message), .measurement(let message): message
        }
    }
}
