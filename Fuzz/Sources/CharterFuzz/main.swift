import Foundation

// libFuzzer's driver, from the runtime scripts/fuzz.sh links in (libclang_rt.fuzzer_no_main):
// the target keeps its own `main`, which SwiftPM needs for an executable target.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target this process fuzzes, named by CHARTER_FUZZ_TARGET (see scripts/fuzz.sh).
let targetName = ProcessInfo.processInfo.environment["CHARTER_FUZZ_TARGET"] ?? ""
guard let target = FuzzTarget(rawValue: targetName) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("set CHARTER_FUZZ_TARGET to one of: \(names)\n".utf8))
    exit(2)
}
FuzzTarget.selected = target

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { start, count in
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.selected.run(data)
    return 0
})
