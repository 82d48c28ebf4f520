import Foundation
import Testing

/// The real programs that read `check` reports: `promtool` (Prometheus), `xmllint`
/// (libxml2) and Perl's TAP::Parser. A missing tool fails the test with the package to
/// install, because a check that silently passes without its validator proves nothing.
enum ReportConsumers {
    /// What TAP::Parser made of a TAP document.
    struct TAPSummary {
        var fields: [String: String] = [:]
        var statuses: [String] = []
        var parseErrors: [String] = []

        subscript(_ key: String) -> String? { fields[key] }
    }

    static func tool(_ name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(ShellProcess.find(name),
                     "\(name) is not installed: install the '\(package)' package (apt-get install \(package)), as CI does",
                     sourceLocation: sourceLocation)
    }

    /// `promtool check metrics < file`: parse errors and lint problems both fail it.
    static func promtool(_ file: String) async throws -> ShellProcess.Outcome {
        let promtool = try tool("promtool", package: "prometheus")
        return try await ShellProcess.run("/bin/sh", ["-c", "\"$0\" check metrics < \"$1\"", promtool, file])
    }

    /// `xmllint --noout file`: well-formedness.
    static func xmllint(_ file: String) async throws -> ShellProcess.Outcome {
        try await ShellProcess.run(try tool("xmllint", package: "libxml2-utils"), ["--noout", file])
    }

    /// The value of an XPath expression (`count(//testcase)`, `string(//testsuite/@tests)`).
    static func xpath(_ expression: String, in file: String) async throws -> String {
        let outcome = try await ShellProcess.run(try tool("xmllint", package: "libxml2-utils"), ["--xpath", expression, file])
        #expect(outcome.status == 0, "xmllint --xpath '\(expression)': \(outcome.stderr)")
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Perl 5.36's TAP::Parser (3.44) knows TAP up to version 13 and says so about a
    /// `TAP version 14` line. TAP 14 is a compatible superset by design, so that one
    /// complaint is set apart; every other line must parse cleanly.
    static let tap14VersionNote = "TAP specified version 14 but we don't know about versions later than 13"

    /// Parses `file` with TAP::Parser and reports counts, YAML statuses and parse errors.
    static func parseTAP(_ file: String) async throws -> TAPSummary {
        let perl = try tool("perl", package: "perl")
        let script = #"""
            use strict; use warnings; use TAP::Parser;
            open my $fh, '<', $ARGV[0] or die "cannot read $ARGV[0]: $!";
            my $tap = do { local $/; <$fh> };
            my $parser = TAP::Parser->new({ tap => $tap });
            my @statuses;
            while (my $result = $parser->next) {
                push @statuses, $result->data->{status} if $result->is_yaml;
            }
            print "plan=", $parser->plan, "\n";
            print "tests_run=", $parser->tests_run, "\n";
            print "passed=", scalar(my @passed = $parser->passed), "\n";
            print "failed=", scalar(my @failed = $parser->failed), "\n";
            print "todo=", scalar(my @todo = $parser->todo), "\n";
            print "good_plan=", ($parser->is_good_plan ? 1 : 0), "\n";
            print "statuses=", join(",", @statuses), "\n";
            print "parse_error=$_\n" for $parser->parse_errors;
            """#
        let outcome = try await ShellProcess.run(perl, ["-e", script, file])
        #expect(outcome.status == 0, "perl TAP::Parser: \(outcome.stderr)")
        var summary = TAPSummary()
        for line in outcome.stdout.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            let value = String(line[line.index(after: equals)...])
            switch key {
            case "parse_error" where value != tap14VersionNote: summary.parseErrors.append(value)
            case "parse_error": break
            case "statuses": summary.statuses = value.split(separator: ",").map(String.init)
            default: summary.fields[key] = value
            }
        }
        return summary
    }
}
