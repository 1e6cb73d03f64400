import ArgumentParser
import CharterKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explains a diagnostic code, or lists them all.")

    @Argument(help: "A code such as CH201; without one, every code is listed.")
    var code: String?

    @Flag(help: "Print the whole rule reference as Markdown (docs/rules.md).")
    var markdown = false

    func validate() throws {
        if let code, DiagnosticCode(rawValue: code) == nil {
            throw ValidationError("'\(code)' is not a diagnostic code; run 'charter explain' for the list")
        }
    }

    func run() throws {
        if markdown {
            print(RuleReference.markdown(), terminator: "")
            return
        }
        guard let code else {
            for known in DiagnosticCode.all {
                print("\(known.rawValue)  \(known.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(known.summary)")
            }
            return
        }
        guard let known = DiagnosticCode(rawValue: code) else { return }   // refused by validate()
        print("""
            \(known.rawValue) (\(known.name)): \(known.summary)
            Default severity: \(known.defaultSeverity.rawValue). Group: \(known.group).

            \(known.explanation)
            """)
    }
}
