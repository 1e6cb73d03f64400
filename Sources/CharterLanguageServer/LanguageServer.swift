public import CharterKit
import Foundation

/// `charter lsp`: the Language Server Protocol (3.17) over a pair of file descriptors.
///
/// One thread reads frames into a queue; the server takes everything that has arrived, answers
/// it in order, and then, when a buffer or a file changed, runs `charter check` once with the
/// open buffers standing for their files. A burst of keystrokes is therefore checked once, and
/// a request cancelled before the server reached it is answered as cancelled. The checks run in
/// a `BuildSession`, the engine's memory, as the live preview's builds do.
public final class LanguageServer: @unchecked Sendable {
    private let reader: MessageReader
    private let writer: MessageWriter
    private let lock = NSCondition()
    private var pending: [MessageReader.Frame] = []
    private var inputEnded = false

    private var root: URL?
    private var encoding = PositionEncoding.utf16
    /// Whether the client applies workspace edits that rename files (`documentChanges` with
    /// `resourceOperations` naming rename).
    private var clientRenamesFiles = false
    private var initialized = false
    private var shutdownRequested = false
    /// The open buffers, by path relative to the root.
    private var documents: [String: TextDocument] = [:] { didSet { lineMemo = [:] } }
    /// The diagnostics last published, by path relative to the root.
    private var published: [String: [Diagnostic]] = [:]
    /// The texts the last check read, by path: for positions in files that are not open.
    private var sources: [String: String] = [:] { didSet { lineMemo = [:] } }
    private var needsCheck = false
    /// The model the last check built: the ids that definitions point to.
    private var model: Site?
    /// The buffers edited since the last check, when nothing else may have changed: the next
    /// check then reads those files only. Nil after anything else (a save, a file opened or
    /// closed, a file changed on disk), when the check walks the site's folders.
    private var editedOnly: Set<String>? = nil
    private let session = BuildSession()
    /// When the checks run (`SOURCE_DATE_EPOCH`, or today), as `check` decides.
    public var today = SiteBuilder.defaultToday()

    public init(input: Int32 = 0, output: Int32 = 1) {
        reader = MessageReader(descriptor: input)
        writer = MessageWriter(descriptor: output)
    }

    /// Serves until `exit`, or until the input ends; returns the process's exit code: 0 after
    /// `shutdown` then `exit`, 1 otherwise, as the protocol asks.
    public func run() -> Int32 {
        let thread = Thread { [self] in
            while let frame = reader.next() {
                lock.withLock {
                    pending.append(frame)
                    lock.signal()
                }
            }
            lock.withLock {
                inputEnded = true
                lock.signal()
            }
        }
        thread.start()
        while true {
            let (frames, ended) = lock.withLock { () -> ([MessageReader.Frame], Bool) in
                while pending.isEmpty, !inputEnded { lock.wait() }
                defer { pending.removeAll() }
                return (pending, inputEnded)
            }
            let cancelled = Set(frames.compactMap { frame -> String? in
                guard case .message(let message) = frame, message["method"]?.string == "$/cancelRequest" else { return nil }
                return message["params"]?["id"].map(Self.key)
            })
            for frame in frames {
                switch frame {
                case .malformed(let reason):
                    respond(nil, error: .parseError, reason)
                case .message(let message):
                    if let code = handle(message, cancelled: cancelled) { return code }
                }
            }
            if needsCheck, initialized, !shutdownRequested {
                needsCheck = false
                check()
            }
            // The client went away without `exit`.
            if ended, lock.withLock({ pending.isEmpty }) { return 1 }
        }
    }

    // MARK: - Messages

    private static func key(_ id: JSON) -> String {
        String(decoding: id.data, as: UTF8.self)
    }

    /// Handles one message; returns an exit code when it was `exit`.
    private func handle(_ message: JSON, cancelled: Set<String>) -> Int32? {
        guard case .object = message, let method = message["method"]?.string else {
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return nil }   // a response to us
            respond(message["id"], error: .invalidRequest, "a message needs a method")
            return nil
        }
        let id = message["id"]
        let params = message["params"] ?? .null
        if let id, cancelled.contains(Self.key(id)) {
            respond(id, error: .requestCancelled, "cancelled before it was handled")
            return nil
        }
        if method == "exit" { return shutdownRequested ? 0 : 1 }
        guard initialized || method == "initialize" else {
            if id != nil { respond(id, error: .serverNotInitialized, "the server is not initialized yet") }
            return nil
        }
        if shutdownRequested, id != nil {
            respond(id, error: .invalidRequest, "the server is shutting down")
            return nil
        }
        if let handler = Self.requests[method] {
            // A request the server answers; sent as a notification, it has no one to answer.
            if let id { handler(self)(id, params) }
            return nil
        }
        switch method {
        case "initialize":
            guard let id else { return nil }
            if initialized {
                respond(id, error: .invalidRequest, "the server is already initialized")
                return nil
            }
            initialize(id: id, params: params)
        case "initialized":
            needsCheck = true
            editedOnly = nil
        case "shutdown":
            shutdownRequested = true
            if let id { respond(id, result: .null) }
        case "textDocument/didOpen":
            guard let path = path(params["textDocument"]?["uri"]), let text = params["textDocument"]?["text"]?.string else { return nil }
            documents[path] = TextDocument(text: text, version: params["textDocument"]?["version"]?.int ?? 0)
            needsCheck = true
            editedOnly = nil
        case "textDocument/didChange":
            guard let path = path(params["textDocument"]?["uri"]), var document = documents[path] else { return nil }
            for change in params["contentChanges"]?.array ?? [] {
                guard let text = change["text"]?.string else { continue }
                if let range = change["range"] {
                    // A range that cannot be read is skipped, never taken for the whole buffer.
                    guard let start = Position(range["start"]), let end = Position(range["end"]) else { continue }
                    document.replace(from: start, to: end, with: text, encoding: encoding)
                } else {
                    document = TextDocument(text: text, version: document.version)
                }
            }
            document.version = params["textDocument"]?["version"]?.int ?? document.version
            documents[path] = document
            needsCheck = true
            editedOnly?.insert(path)
        case "textDocument/didClose":
            if let path = path(params["textDocument"]?["uri"]) { documents[path] = nil }
            needsCheck = true
            editedOnly = nil
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            needsCheck = true
            editedOnly = nil
        case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
            break
        default:
            if let id { respond(id, error: .methodNotFound, "'\(method)' is not supported") }
        }
        return nil
    }

    /// The requests answered once the server is initialized, by method.
    private static let requests: [String: @Sendable (LanguageServer) -> (JSON, JSON) -> Void] = [
        "textDocument/hover": { $0.hover },
        "textDocument/definition": { $0.definition },
        "textDocument/references": { $0.references },
        "textDocument/completion": { $0.completion },
        "textDocument/prepareRename": { $0.prepareRename },
        "textDocument/rename": { $0.rename },
        "workspace/willRenameFiles": { $0.willRenameFiles },
        "textDocument/codeAction": { $0.codeActions },
        "textDocument/documentSymbol": { $0.symbols },
    ]

    private func respond(_ id: JSON?, result: JSON) {
        writer.send(["jsonrpc": "2.0", "id": id ?? .null, "result": result])
    }

    private func respond(_ id: JSON?, error: RPCError, _ message: String) {
        writer.send(["jsonrpc": "2.0", "id": id ?? .null, "error": ["code": .number(Double(error.rawValue)), "message": .string(message)]])
    }

    private func notify(_ method: String, _ params: JSON) {
        writer.send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    // MARK: - Lifecycle

    private func initialize(id: JSON, params: JSON) {
        let folder = params["workspaceFolders"]?.array?.first?["uri"]?.string ?? params["rootUri"]?.string
        if let folder, let url = URL(string: folder), url.isFileURL {
            root = url.standardizedFileURL
        } else if let path = params["rootPath"]?.string {
            root = URL(fileURLWithPath: path).standardizedFileURL
        } else {
            root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        }
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap { $0.string.flatMap(PositionEncoding.init) } ?? []
        encoding = offered.isEmpty || offered.contains(.utf16) ? .utf16 : offered[0]
        let workspaceEdit = params["capabilities"]?["workspace"]?["workspaceEdit"]
        clientRenamesFiles = workspaceEdit?["documentChanges"]?.bool == true
            && (workspaceEdit?["resourceOperations"]?.array ?? []).contains(.string("rename"))
        initialized = true
        respond(id, result: [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "completionProvider": ["triggerCharacters": ["(", "#", "/", " ", "["]],
                "renameProvider": ["prepareProvider": true],
                "workspace": ["fileOperations": ["willRename": ["filters": [
                    ["pattern": ["glob": "**/*.{md,yaml,yml}"]],
                ]]]],
            ],
            "serverInfo": ["name": "charter", "version": .string(CharterRelease.version)],
        ])
    }

    // MARK: - Paths

    /// The path relative to the root of a `file:` URI inside it; nil for anything else.
    private func path(_ uri: JSON?) -> String? {
        guard let root, let string = uri?.string, let url = URL(string: string), url.isFileURL else { return nil }
        let file = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard file.hasPrefix(prefix) else { return nil }
        return String(file.dropFirst(prefix.count))
    }

    private func uri(_ path: String) -> String {
        (root ?? URL(fileURLWithPath: "/")).appending(path: path).absoluteString
    }

    private func text(of path: String) -> String? {
        documents[path]?.text ?? sources[path]
    }

    /// A file's lines as the server now knows its text, split once until a buffer or a check
    /// changes it: a publish or a rename asks for them once per diagnostic or edit.
    private var lineMemo: [String: [String]] = [:]

    private func lines(of path: String) -> [String] {
        if let known = lineMemo[path] { return known }
        let lines = TextDocument.lines(text(of: path) ?? "")
        lineMemo[path] = lines
        return lines
    }

    // MARK: - Diagnostics

    /// Checks the site with the open buffers, and publishes what changed: every file with
    /// problems, and an empty list for each file that had some and has none now.
    private func check() {
        guard let root else { return }
        var builder = SiteBuilder(root: root)
        builder.session = session
        builder.today = today
        builder.overlay = documents.mapValues(\.text)
        // Only buffers were edited: the load reads those and trusts the rest it knows.
        builder.changed = editedOnly
        editedOnly = []
        var byPath: [String: [Diagnostic]] = [:]
        do {
            let result = try builder.check()
            sources = result.sources.mapValues(\.text)
            model = result.model
            for diagnostic in result.diagnostics where !diagnostic.location.path.isEmpty {
                byPath[diagnostic.location.path, default: []].append(diagnostic)
            }
        } catch {
            notify("window/logMessage", ["type": 1, "message": .string("charter check failed: \(error)")])
            return
        }
        for path in Set(published.keys).union(byPath.keys).sorted() {
            let diagnostics = byPath[path] ?? []
            if published[path] == diagnostics { continue }
            var params: JSON = ["uri": .string(uri(path)), "diagnostics": .array(diagnostics.map { self.json($0) })]
            if let version = documents[path]?.version, case .object(var object) = params {
                object["version"] = .number(Double(version))
                params = .object(object)
            }
            notify("textDocument/publishDiagnostics", params)
        }
        published = byPath
    }

    /// Where a diagnostic's location starts, and the end of the word or link there.
    private func span(_ location: SourceLocation) -> (start: Position, end: Position) {
        let lines = self.lines(of: location.path)
        return (TextDocument.position(line: location.line, column: location.column, in: lines, encoding: encoding),
                TextDocument.wordEnd(line: location.line, column: location.column, in: lines, encoding: encoding))
    }

    private func range(_ location: SourceLocation) -> JSON {
        let (start, end) = span(location)
        return ["start": start.json, "end": end.json]
    }

    private func json(_ diagnostic: Diagnostic) -> JSON {
        let severity: Int = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        default: 3
        }
        var message = diagnostic.message
        if let hint = diagnostic.fixHint { message += "\n" + hint }
        var object: [String: JSON] = [
            "range": range(diagnostic.location),
            "severity": .number(Double(severity)),
            "code": .string(diagnostic.code.rawValue),
            // The code's explanation in the rule reference of this release (`charter explain` prints the same).
            "codeDescription": ["href": .string(
                "https://github.com/\(CharterRelease.repository)/blob/v\(CharterRelease.version)/docs/rules.md#\(diagnostic.code.rawValue.lowercased())")],
            "source": "charter",
            "message": .string(message),
        ]
        let related = diagnostic.notes.compactMap { note -> JSON? in
            guard let location = note.location, !location.path.isEmpty else { return nil }
            return ["location": ["uri": .string(uri(location.path)), "range": range(location)], "message": .string(note.message)]
        }
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        return .object(object)
    }

    // MARK: - Hover

    /// Over a problem: what its code means, as `charter explain` says it.
    private func hover(_ id: JSON, _ params: JSON) {
        guard let path = path(params["textDocument"]?["uri"]) else {
            respond(id, error: .invalidParams, "the document is not a file inside the workspace")
            return
        }
        guard let position = Position(params["position"]) else {
            respond(id, error: .invalidParams, "a hover needs a position")
            return
        }
        let here = (published[path] ?? []).filter { diagnostic in
            let (start, end) = span(diagnostic.location)
            return position.line == start.line && position.character >= start.character && position.character <= end.character
        }
        guard !here.isEmpty else {
            let line = Array((lines(of: path).dropFirst(position.line).first ?? "").unicodeScalars)
            let word = Self.word(in: line, at: TextDocument.offset(of: Position(line: 0, character: position.character), in: line, encoding: encoding))
            if let markdown = modelHover(word, in: path) {
                respond(id, result: ["contents": ["kind": "markdown", "value": .string(markdown)]])
            } else {
                respond(id, result: .null)
            }
            return
        }
        let sections = here.map { diagnostic in
            let code = diagnostic.code
            return "**\(code.rawValue)** (\(code.name)): \(code.summary)\n\n\(diagnostic.message)\n\n\(code.explanation)"
        }
        respond(id, result: ["contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))]])
    }

    // MARK: - Definition

    /// A team, strategy or objective id to the file that defines it; a Markdown link to its
    /// file, and to the heading its `#fragment` names.
    private func definition(_ id: JSON, _ params: JSON) {
        guard let (path, _, _, line, offset, _) = positionRequest(id, params, what: "a definition", otherwise: .null) else { return }
        if let destination = Self.linkDestination(in: line, at: offset), let target = linkTarget(destination, from: path) {
            respond(id, result: target)
            return
        }
        let word = Self.word(in: line, at: offset)
        if let target = idTarget(word) {
            respond(id, result: target)
            return
        }
        respond(id, result: .null)
    }

    private func location(_ path: String, line: Int) -> JSON {
        let start = Position(line: max(0, line), character: 0)
        return ["uri": .string(uri(path)), "range": ["start": start.json, "end": start.json]]
    }

    private func idTarget(_ word: String) -> JSON? {
        guard let model, !word.isEmpty else { return nil }
        if let team = model.teamModels.first(where: { $0.id == word }) { return location(team.sourcePath, line: 0) }
        if let strategy = model.strategyModels.first(where: { $0.id == word }) { return location(strategy.sourcePath, line: 0) }
        if let objective = model.objectives.first(where: { $0.id.value == word }) {
            return location(objective.id.location.path, line: objective.id.location.line - 1)
        }
        return nil
    }

    /// `folder/page.md#part` resolved from the page at `path`: the file, at the heading whose id is `part`.
    private func linkTarget(_ destination: String, from path: String) -> JSON? {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        guard let target = file.isEmpty ? path : ContentPaths.resolve(file, from: folder),
              let text = text(of: target) ?? root.flatMap({ try? String(contentsOf: $0.appending(path: target), encoding: .utf8) })
        else { return nil }
        guard parts.count == 2, !parts[1].isEmpty else { return location(target, line: 0) }
        let heading = Self.headings(in: text).first { $0.id == String(parts[1]) }
        return location(target, line: heading?.line ?? 0)
    }

    /// The destination of the Markdown link `[text](destination)` the offset is in.
    static func linkDestination(in line: [Unicode.Scalar], at offset: Int) -> String? {
        var index = 0
        while index < line.count {
            guard line[index] == "[" else {
                index += 1
                continue
            }
            guard let close = line[index...].firstIndex(of: "]"), close + 1 < line.count, line[close + 1] == "(",
                  let end = line[(close + 1)...].firstIndex(of: ")") else {
                // `[ ]` or `[1]`, not a link: the next bracket may open one.
                index += 1
                continue
            }
            if offset >= index, offset <= end {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: line[(close + 2)..<end])
                return String(view).split(separator: " ").first.map(String.init)
            }
            index = end + 1
        }
        return nil
    }

    /// True for the scalars an id is made of: letters, digits, - and _.
    static func isIDPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    /// Where the id-like word around an offset starts.
    static func wordStart(in line: [Unicode.Scalar], at offset: Int) -> Int {
        var start = min(offset, line.count)
        while start > 0, isIDPart(line[start - 1]) { start -= 1 }
        return start
    }

    /// The id-like word around an offset.
    static func word(in line: [Unicode.Scalar], at offset: Int) -> String {
        let isPart = isIDPart
        var start = min(offset, line.count)
        var end = start
        while start > 0, isPart(line[start - 1]) { start -= 1 }
        while end < line.count, isPart(line[end]) { end += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line[start..<end])
        return String(view)
    }

    /// What a request at a position is about: its document, the text's lines, the position's
    /// line and offset in scalars, and the model of a check (made first if there is none). Nil
    /// when there is nothing to answer with; the answer (`otherwise`, or an error) is given.
    private func positionRequest(
        _ id: JSON, _ params: JSON, what: String, otherwise: JSON
    ) -> (path: String, position: Position, lines: [String], line: [Unicode.Scalar], cursor: Int, model: Site)? {
        guard let path = path(params["textDocument"]?["uri"]), let position = Position(params["position"]) else {
            respond(id, error: .invalidParams, "\(what) needs a document inside the workspace and a position")
            return nil
        }
        if model == nil { check() }
        let lines = self.lines(of: path)
        guard position.line < lines.count, let model else {
            respond(id, result: otherwise)
            return nil
        }
        let line = Array(lines[position.line].unicodeScalars)
        let cursor = TextDocument.offset(of: Position(line: 0, character: position.character), in: line, encoding: encoding)
        return (path, position, lines, line, cursor, model)
    }

    // MARK: - References

    /// Every place a team, strategy or objective id is named: in the YAML of strategies, teams
    /// and objectives, and in playbooks' front matter.
    private func references(_ id: JSON, _ params: JSON) {
        guard let (_, _, _, line, cursor, model) = positionRequest(id, params, what: "references", otherwise: .array([])) else { return }
        let word = Self.word(in: line, at: cursor)
        let declaration: String? =
            model.teamModels.first { $0.id == word }?.sourcePath
            ?? model.strategyModels.first { $0.id == word }?.sourcePath
            ?? model.objectives.first { $0.id.value == word }?.id.location.path
        guard !word.isEmpty, let declaration else {
            respond(id, result: .array([]))
            return
        }
        var found: [JSON] = []
        var paths = Set(sources.keys).union(documents.keys)
        if params["context"]?["includeDeclaration"]?.bool != true { paths.remove(declaration) }
        for file in paths.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".md") {
            guard let text = text(of: file) else { continue }
            for (number, range) in Self.mentions(of: word, in: text, markdown: file.hasSuffix(".md"), encoding: encoding) {
                found.append(["uri": .string(uri(file)), "range": ["start": Position(line: number, character: range.lowerBound).json,
                                                                      "end": Position(line: number, character: range.upperBound).json]])
            }
        }
        if params["context"]?["includeDeclaration"]?.bool == true, !found.contains(where: { $0["uri"]?.string == uri(declaration) }) {
            found.insert(location(declaration, line: 0), at: 0)
        }
        respond(id, result: .array(found))
    }

    /// Where `word` stands as a value in YAML (after a key's colon, as a list item, inside a flow
    /// list or mapping), by line and by character range in the agreed encoding. In a Markdown
    /// file only its front matter is YAML.
    static func mentions(of word: String, in text: String, markdown: Bool, encoding: PositionEncoding = .utf16) -> [(Int, Range<Int>)] {
        let target = Array(word.unicodeScalars)
        var found: [(Int, Range<Int>)] = []
        var inFrontMatter = false
        for (number, rawLine) in TextDocument.lines(text).enumerated() {
            if markdown {
                if number == 0, rawLine.trimmingCharacters(in: .whitespaces) == "---" {
                    inFrontMatter = true
                    continue
                }
                if !inFrontMatter { break }
                if rawLine.trimmingCharacters(in: .whitespaces) == "---" || rawLine.trimmingCharacters(in: .whitespaces) == "..." { break }
            }
            let line = Array(rawLine.unicodeScalars)
            // Up to a comment.
            var end = line.count
            for index in line.indices where line[index] == "#" && (index == 0 || line[index - 1] == " ") {
                end = index
                break
            }
            var index = 0
            while index + target.count <= end {
                let before = index == 0 ? " " : line[index - 1]
                let after = index + target.count < line.count ? line[index + target.count] : " "
                if Array(line[index..<index + target.count]) == target, !isIDPart(before), !isIDPart(after) {
                    // The whole scalar: only blanks or quotes between it and what opens and closes it.
                    var left = index - 1
                    while left >= 0, line[left] == " " || line[left] == "\"" || line[left] == "'" { left -= 1 }
                    var right = index + target.count
                    while right < end, line[right] == " " || line[right] == "\"" || line[right] == "'" { right += 1 }
                    let opens = left >= 0 && [":", "[", ",", "{"].contains(line[left])
                        || left >= 0 && line[left] == "-" && line[..<left].allSatisfy { $0 == " " }
                    let closes = right >= end || [",", "]", "}"].contains(line[right])
                    if opens, closes {
                        let start = line[..<index].reduce(0) { $0 + encoding.width($1) }
                        found.append((number, start..<start + target.reduce(0) { $0 + encoding.width($1) }))
                    }
                }
                index += 1
            }
        }
        return found
    }

    // MARK: - Document symbols

    /// A playbook's headings, nested by level; a YAML file's top-level keys (a strategy's sections).
    private func symbols(_ id: JSON, _ params: JSON) {
        guard let path = path(params["textDocument"]?["uri"]) else {
            respond(id, error: .invalidParams, "the document is not a file inside the workspace")
            return
        }
        let text = text(of: path) ?? root.flatMap { try? String(contentsOf: $0.appending(path: path), encoding: .utf8) } ?? ""
        let lines = TextDocument.lines(text)
        func width(_ string: some StringProtocol) -> Int { string.unicodeScalars.reduce(0) { $0 + encoding.width($1) } }
        struct Symbol {
            var name: String
            var level: Int
            var line: Int
            var end: Int
            var width: Int
            var children: [Symbol] = []
        }
        var flat: [Symbol] = []
        if path.hasSuffix(".md") {
            var inFence = false
            var inFrontMatter = lines.first?.trimmingCharacters(in: .whitespaces) == "---"
            for (number, line) in lines.enumerated() {
                if inFrontMatter {
                    if number > 0, line.trimmingCharacters(in: .whitespaces) == "---" { inFrontMatter = false }
                    continue
                }
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
                guard !inFence, trimmed.hasPrefix("#") else { continue }
                let hashes = trimmed.prefix { $0 == "#" }.count
                guard hashes <= 6, trimmed.dropFirst(hashes).first == " " else { continue }
                flat.append(Symbol(name: trimmed.dropFirst(hashes).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces),
                                   level: hashes, line: number, end: number, width: width(line)))
            }
        } else if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            for (number, line) in lines.enumerated() {
                guard let first = line.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
                      let colon = line.firstIndex(of: ":") else { continue }
                flat.append(Symbol(name: String(line[..<colon]), level: 1, line: number, end: number, width: width(line)))
            }
        }
        // Each symbol runs until the next one of its level or a higher one.
        for index in flat.indices {
            let next = flat[(index + 1)...].first { $0.level <= flat[index].level }
            let last = (next?.line ?? lines.count) - 1
            var end = max(flat[index].line, last)
            while end > flat[index].line, lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            flat[index].end = end
        }
        func nest(_ symbols: ArraySlice<Symbol>) -> [Symbol] {
            var result: [Symbol] = []
            var index = symbols.startIndex
            while index < symbols.endIndex {
                var symbol = symbols[index]
                var next = index + 1
                while next < symbols.endIndex, symbols[next].level > symbol.level { next += 1 }
                symbol.children = nest(symbols[(index + 1)..<next])
                result.append(symbol)
                index = next
            }
            return result
        }
        func json(_ symbol: Symbol) -> JSON {
            let endWidth = width(lines[symbol.end])
            var object: [String: JSON] = [
                "name": .string(symbol.name.isEmpty ? "(untitled)" : symbol.name),
                "kind": .number(path.hasSuffix(".md") ? 15 : 8),
                "range": ["start": Position(line: symbol.line, character: 0).json, "end": Position(line: symbol.end, character: endWidth).json],
                "selectionRange": ["start": Position(line: symbol.line, character: 0).json, "end": Position(line: symbol.line, character: symbol.width).json],
            ]
            if !symbol.children.isEmpty { object["children"] = .array(symbol.children.map(json)) }
            return .object(object)
        }
        respond(id, result: .array(nest(flat[...]).map(json)))
    }

    // MARK: - Quick fixes

    /// For each problem with a "did you mean" hint, the edit that takes the hint: the word
    /// replaced, or in a Markdown link the path or the `#fragment` the hint is about.
    private func codeActions(_ id: JSON, _ params: JSON) {
        guard let path = path(params["textDocument"]?["uri"]), let uri = params["textDocument"]?["uri"] else {
            respond(id, error: .invalidParams, "the document is not a file inside the workspace")
            return
        }
        let lines = self.lines(of: path)
        var actions: [JSON] = []
        for diagnostic in params["context"]?["diagnostics"]?.array ?? [] {
            guard let message = diagnostic["message"]?.string, let suggestion = Self.suggestion(in: message),
                  let start = Position(diagnostic["range"]?["start"]), let end = Position(diagnostic["range"]?["end"]),
                  start.line == end.line, start.line < lines.count else { continue }
            let line = Array(lines[start.line].unicodeScalars)
            let from = TextDocument.offset(of: Position(line: 0, character: start.character), in: line, encoding: encoding)
            let to = TextDocument.offset(of: Position(line: 0, character: end.character), in: line, encoding: encoding)
            guard from <= to else { continue }
            let target = Self.replacedRange(in: Array(line[from..<to]), suggestion: suggestion)
            let width = { (range: Range<Int>) in line[range].reduce(0) { $0 + self.encoding.width($1) } }
            let editStart = Position(line: start.line, character: width(0..<(from + target.lowerBound)))
            let editEnd = Position(line: start.line, character: width(0..<(from + target.upperBound)))
            actions.append([
                "title": .string("Change to '\(suggestion)'"),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [diagnostic],
                "edit": ["changes": .object([uri.string ?? "": [["range": ["start": editStart.json, "end": editEnd.json],
                                                                   "newText": .string(suggestion)]]])],
            ])
        }
        respond(id, result: .array(actions))
    }

    /// The X of a message's "did you mean 'X'?".
    static func suggestion(in message: String) -> String? {
        guard let start = message.range(of: "did you mean '"), let end = message.range(of: "'?", options: .backwards),
              start.upperBound <= end.lowerBound else { return nil }
        let suggestion = String(message[start.upperBound..<end.lowerBound])
        return suggestion.isEmpty ? nil : suggestion
    }

    /// Which part of a problem's text a suggestion replaces, in scalars: in a Markdown link,
    /// its destination's path, or its fragment when the suggestion is one; otherwise all of it.
    static func replacedRange(in text: [Unicode.Scalar], suggestion: String) -> Range<Int> {
        guard text.first == "[" || text.first == "!", let close = text.firstIndex(of: "]"), close + 1 < text.count, text[close + 1] == "(",
              let end = text[(close + 1)...].firstIndex(of: ")") else { return 0..<text.count }
        var destination = (close + 2)..<end
        if let space = text[destination].firstIndex(of: " ") { destination = destination.lowerBound..<space }
        let hash = text[destination].firstIndex(of: "#")
        if suggestion.hasPrefix("#") {
            return (hash ?? destination.upperBound)..<destination.upperBound
        }
        return destination.lowerBound..<(hash ?? destination.upperBound)
    }

    // MARK: - Completion

    /// The YAML keys whose values name something the model knows, and what they name.
    enum Names { case teams, strategies, objectives, stages, focusAreas, responsibilities, programKinds, methods, findings, programs, shaped }

    static let namesByKey: [String: Names] = [
        "owner": .teams, "lead": .teams, "accountable": .teams, "responsible": .teams, "consulted": .teams,
        "informed": .teams, "by": .teams, "party": .teams, "team": .teams, "teams": .teams,
        "strategy": .strategies, "strategies": .strategies,
        "objectives": .objectives, "objective": .objectives, "serves": .objectives,
        "stage": .stages, "current": .stages, "target": .stages,
        "focus_areas": .focusAreas, "focus_area": .focusAreas,
        "responsibilities": .responsibilities, "responsibility": .responsibilities,
        "kinds": .programKinds,
        "methods": .methods, "method": .methods, "answers": .findings, "programs": .programs, "program": .programs,
        "shaped": .shaped,
    ]

    /// Ids where a YAML key expects them (in strategies, teams, objectives and playbooks' front
    /// matter); in a Markdown link, the site's files by their path from this one, and after
    /// `#` the target's headings.
    private func completion(_ id: JSON, _ params: JSON) {
        guard let (path, position, lines, line, cursor, model) = positionRequest(id, params, what: "completion", otherwise: .array([])) else {
            return
        }
        var prefixView = String.UnicodeScalarView()
        prefixView.append(contentsOf: line[..<cursor])
        let prefix = String(prefixView)
        let width = { (scalars: ArraySlice<Unicode.Scalar>) in scalars.reduce(0) { $0 + self.encoding.width($1) } }
        func item(_ label: String, detail: String?, kind: Int, from start: Int) -> JSON {
            var object: [String: JSON] = [
                "label": .string(label), "kind": .number(Double(kind)),
                "textEdit": ["range": ["start": Position(line: position.line, character: width(line[..<start])).json,
                                       "end": position.json],
                             "newText": .string(label)],
            ]
            if let detail { object["detail"] = .string(detail) }
            return .object(object)
        }
        let isMarkdown = path.hasSuffix(".md")
        let inFrontMatter = isMarkdown && lines.first == "---" && position.line > 0
            && !lines[1..<position.line].contains { $0 == "---" || $0 == "..." }
        if isMarkdown, !inFrontMatter {
            // Inside a link's destination: `](` before the cursor and no `)` since.
            guard let open = prefix.range(of: "](", options: .backwards), !prefix[open.upperBound...].contains(")") else {
                respond(id, result: .array([]))
                return
            }
            let typed = String(prefix[open.upperBound...])
            let start = cursor - typed.unicodeScalars.count
            if let hash = typed.firstIndex(of: "#") {
                let file = String(typed[..<hash])
                let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                let target = file.isEmpty ? path : ContentPaths.resolve(file, from: folder)
                var text = ""
                if let target {
                    text = self.text(of: target) ?? root.flatMap { try? String(contentsOf: $0.appending(path: target), encoding: .utf8) } ?? ""
                }
                let anchorStart = start + typed[..<hash].unicodeScalars.count + 1
                let items = Self.headings(in: text).map { item($0.id, detail: $0.title, kind: 18, from: anchorStart) }
                respond(id, result: .array(items))
                return
            }
            let targets = Set(sources.keys).union(documents.keys).filter { $0.hasSuffix(".md") && $0 != path }.sorted()
            let items = targets.map { item(ContentPaths.relativeURL(from: path, to: $0), detail: nil, kind: 17, from: start) }
            respond(id, result: .array(items))
            return
        }
        guard isMarkdown || path.hasSuffix(".yaml") || path.hasSuffix(".yml"), let key = Self.key(at: position.line, prefix: prefix, lines: lines),
              let names = Self.namesByKey[key] else {
            respond(id, result: .array([]))
            return
        }
        let start = Self.wordStart(in: line, at: cursor)
        let framework = model.framework
        // A strategy's own findings, methods and programs: this file's strategy, or every one.
        let owners = model.strategyModels.filter { $0.sourcePath == path }
        let strategies = owners.isEmpty ? model.strategyModels : owners
        let methods = strategies.flatMap(\.methods).map { ($0.id.value, $0.title?.value ?? $0.id.value) }
        let findings = strategies.flatMap { $0.assessment?.findings ?? [] }.compactMap { finding in finding.id.map { ($0.value, finding.text.value) } }
        let programs = strategies.flatMap(\.programs).map { ($0.id.value, $0.title?.value ?? $0.id.value) }
        let candidates: [(String, String)] = switch names {
        case .methods: methods
        case .findings: findings
        case .programs: programs
        case .shaped: findings + methods + programs
        case .teams: model.teamModels.map { ($0.id, $0.displayName) }
        case .strategies: model.strategyModels.map { ($0.id, $0.displayName) }
        case .objectives: model.objectives.map { ($0.id.value, $0.displayName) }
        case .stages: framework.stages.map { ($0.id, $0.name) }
        case .focusAreas: framework.focusAreas.map { ($0.id, $0.name) }
        case .responsibilities: framework.responsibilities.map { ($0.id, $0.name) }
        case .programKinds: framework.programKinds.map { ($0.id, $0.name) }
        }
        respond(id, result: .array(candidates.sorted { $0.0 < $1.0 }.map { item($0.0, detail: $0.1, kind: 12, from: start) }))
    }

    /// The key whose value the cursor is in: on its own line (`owner: hu`, `teams: [a, b`, a flow
    /// mapping's `{accountable: x, responsible: [y`), or above a block list's item (`- hu`).
    static func key(at line: Int, prefix: String, lines: [String]) -> String? {
        let scalars = Array(prefix.unicodeScalars)
        var colon = scalars.count - 1
        while colon >= 0, scalars[colon] != ":" { colon -= 1 }
        if colon > 0 {
            var start = colon
            while start > 0, isIDPart(scalars[start - 1]) { start -= 1 }
            if start < colon {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<colon])
                return String(view)
            }
        }
        let trimmed = prefix.drop { $0 == " " }
        guard trimmed.hasPrefix("-") else { return nil }
        let indent = prefix.count - trimmed.count
        for above in lines[..<line].reversed() {
            let body = above.drop { $0 == " " }
            guard !body.isEmpty, !body.hasPrefix("#") else { continue }
            let aboveIndent = above.count - body.count
            if aboveIndent < indent || (aboveIndent == indent && !body.hasPrefix("-")) {
                guard body.hasSuffix(":") else { return nil }
                return String(body.dropLast().drop { $0 == "-" || $0 == " " })
            }
        }
        return nil
    }

    /// A Markdown text's headings with their ids, as the page renders them, and their lines.
    static func headings(in text: String) -> [(id: String, title: String, line: Int)] {
        var slugger = Slugger()
        var found: [(String, String, Int)] = []
        var inFence = false
        let lines = TextDocument.lines(text)
        // Front matter's comments are not headings.
        var first = 0
        if lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) { first = close + 1 }
        for (number, line) in lines.enumerated() where number >= first {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, trimmed.hasPrefix("#") else { continue }
            let hashes = trimmed.prefix { $0 == "#" }
            guard hashes.count <= 6, trimmed.dropFirst(hashes.count).first == " " else { continue }
            let title = trimmed.dropFirst(hashes.count).trimmingCharacters(in: .whitespaces)
            found.append((slugger.slug(for: title), title, number))
        }
        return found
    }


    // MARK: - Rename

    /// What a rename at a position renames: an id the model knows, or a playbook's heading.
    private enum Renamed {
        case id(String, declaration: String, isFile: Bool)
        case heading(title: String, slug: String, line: Int, range: Range<Int>)
    }

    private func renamed(at path: String, _ position: Position) -> (Renamed, line: Int, range: Range<Int>)? {
        if model == nil { check() }
        let lines = self.lines(of: path)
        guard position.line < lines.count, let model else { return nil }
        let line = Array(lines[position.line].unicodeScalars)
        let cursor = TextDocument.offset(of: Position(line: 0, character: position.character), in: line, encoding: encoding)
        if path.hasSuffix(".md"), line.first == "#" {
            let hashes = line.prefix { $0 == "#" }.count
            guard hashes <= 6, hashes < line.count, line[hashes] == " " else { return nil }
            var start = hashes
            while start < line.count, line[start] == " " { start += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: line[start...])
            let title = String(view).trimmingCharacters(in: .whitespaces)
            // Only a real heading (not a line of a fenced block or of front matter), with its id as the page has it.
            guard let slug = Self.headings(in: lines.joined(separator: "\n")).first(where: { $0.line == position.line })?.id else { return nil }
            return (.heading(title: title, slug: slug, line: position.line, range: start..<(start + title.unicodeScalars.count)),
                    position.line, start..<(start + title.unicodeScalars.count))
        }
        let word = Self.word(in: line, at: cursor)
        guard !word.isEmpty else { return nil }
        let start = Self.wordStart(in: line, at: cursor)
        let range = start..<(start + word.unicodeScalars.count)
        if let team = model.teamModels.first(where: { $0.id == word }) { return (.id(word, declaration: team.sourcePath, isFile: true), position.line, range) }
        if let strategy = model.strategyModels.first(where: { $0.id == word }) {
            return (.id(word, declaration: strategy.sourcePath, isFile: true), position.line, range)
        }
        if let objective = model.objectives.first(where: { $0.id.value == word }) {
            return (.id(word, declaration: objective.id.location.path, isFile: false), position.line, range)
        }
        return nil
    }

    private func prepareRename(_ id: JSON, _ params: JSON) {
        guard let path = path(params["textDocument"]?["uri"]), let position = Position(params["position"]) else {
            respond(id, error: .invalidParams, "a rename needs a document inside the workspace and a position")
            return
        }
        guard let (_, line, range) = renamed(at: path, position) else {
            respond(id, result: .null)
            return
        }
        respond(id, result: self.range(path: path, line: line, range))
    }

    private func range(path: String, line: Int, _ range: Range<Int>) -> JSON {
        let scalars = Array((lines(of: path).dropFirst(line).first ?? "").unicodeScalars)
        let width = { (end: Int) in scalars[..<min(end, scalars.count)].reduce(0) { $0 + self.encoding.width($1) } }
        return ["start": Position(line: line, character: width(range.lowerBound)).json,
                "end": Position(line: line, character: width(range.upperBound)).json]
    }

    private func textEdit(_ path: String, line: Int, _ range: Range<Int>, _ newText: String) -> JSON {
        ["range": self.range(path: path, line: line, range), "newText": .string(newText)]
    }

    /// A team, strategy or objective id everywhere it is named (a team's or strategy's file
    /// renamed with it, and the links to that file); a heading, and every link to its id.
    private func rename(_ id: JSON, _ params: JSON) {
        guard let path = path(params["textDocument"]?["uri"]), let position = Position(params["position"]),
              let newName = params["newName"]?.string else {
            respond(id, error: .invalidParams, "a rename needs a document inside the workspace, a position and a new name")
            return
        }
        guard let (what, _, _) = renamed(at: path, position) else {
            respond(id, error: .invalidParams, "nothing here can be renamed: put the cursor on an id or a heading")
            return
        }
        var edits: [String: [JSON]] = [:]
        var renamedFile: (from: String, to: String)?
        switch what {
        case .id(let old, let declaration, let isFile):
            guard newName.unicodeScalars.allSatisfy(Self.isIDPart),
                  !newName.isEmpty else {
                respond(id, error: .invalidParams, "an id has only letters, digits, - and _")
                return
            }
            for file in Set(sources.keys).union(documents.keys).sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".md") {
                guard let text = text(of: file) else { continue }
                for (line, range) in Self.mentions(of: old, in: text, markdown: file.hasSuffix(".md"), encoding: .utf32) {
                    edits[file, default: []].append(textEdit(file, line: line, range, newName))
                }
            }
            if isFile {
                guard clientRenamesFiles else {
                    respond(id, error: .invalidParams, "renaming '\(old)' renames its file, and this editor does not apply file renames")
                    return
                }
                let folder = declaration.split(separator: "/").dropLast().joined(separator: "/")
                let fileExtension = declaration.split(separator: ".").last.map { "." + $0 } ?? ""
                renamedFile = (declaration, (folder.isEmpty ? "" : folder + "/") + newName + fileExtension)
            }
        case .heading(_, let slug, let line, let range):
            edits[path, default: []].append(textEdit(path, line: line, range, newName))
            var slugger = Slugger()
            let newSlug = slugger.slug(for: newName)
            for (file, link) in markdownLinks() where link.target == path && link.fragment == slug {
                edits[file, default: []].append(textEdit(file, line: link.line, link.fragmentRange, newSlug))
            }
        }
        respond(id, result: workspaceEdit(edits, renaming: renamedFile))
    }

    /// The links to a file renamed (by the editor, or as `rename` of an id does), rewritten.
    private func willRenameFiles(_ id: JSON, _ params: JSON) {
        // Asked for before the first check: the site's files are not known yet.
        if model == nil { check() }
        var moves: [String: String] = [:]
        for file in params["files"]?.array ?? [] {
            guard let from = path(file["oldUri"]), let to = path(file["newUri"]) else { continue }
            moves[from] = to
        }
        var edits: [String: [JSON]] = [:]
        for (file, edit) in linkEdits(moves) { edits[file, default: []].append(edit) }
        respond(id, result: edits.isEmpty ? .null : workspaceEdit(edits, renaming: nil))
    }

    /// The links to files that move (`moves`: old path to new), and the links in them when
    /// they change folder, each rewritten once, from where its file will be to where its
    /// target will be.
    private func linkEdits(_ moves: [String: String]) -> [(String, JSON)] {
        var edits: [(String, JSON)] = []
        for (file, link) in markdownLinks() where !link.pathRange.isEmpty && (moves[file] != nil || moves[link.target] != nil) {
            let origin = moves[file] ?? file
            let target = moves[link.target] ?? link.target
            let rewritten = ContentPaths.relativeURL(from: origin, to: target)
            // A link whose way to its target is the same after the moves is left as written.
            if rewritten != ContentPaths.relativeURL(from: file, to: link.target) {
                edits.append((file, textEdit(file, line: link.line, link.pathRange, rewritten)))
            }
        }
        return edits
    }

    private func workspaceEdit(_ edits: [String: [JSON]], renaming file: (from: String, to: String)?) -> JSON {
        var edits = edits
        guard let file else {
            return ["changes": .object(Dictionary(uniqueKeysWithValues: edits.map { (uri($0.key), JSON.array($0.value)) }))]
        }
        for (path, edit) in linkEdits([file.from: file.to]) { edits[path, default: []].append(edit) }
        // Text edits first, at the files' old names, then the file renamed.
        var changes: [JSON] = edits.keys.sorted().map { path in
            ["textDocument": ["uri": .string(uri(path)), "version": documents[path].map { .number(Double($0.version)) } ?? .null],
             "edits": .array(edits[path] ?? [])]
        }
        changes.append(["kind": "rename", "oldUri": .string(uri(file.from)), "newUri": .string(uri(file.to))])
        return ["documentChanges": .array(changes)]
    }

    struct MarkdownLink {
        var line: Int
        var target: String
        var fragment: String?
        /// In scalars: the destination's path, and its fragment after `#`.
        var pathRange: Range<Int>
        var fragmentRange: Range<Int>
    }

    /// Every `[text](destination)` of the site's Markdown files that points into the site, resolved.
    private func markdownLinks() -> [(file: String, link: MarkdownLink)] {
        var found: [(String, MarkdownLink)] = []
        for file in Set(sources.keys).union(documents.keys).sorted() where file.hasSuffix(".md") {
            guard text(of: file) != nil else { continue }
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            var inFence = false
            for (number, rawLine) in lines(of: file).enumerated() {
                let trimmed = rawLine.drop { $0 == " " }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
                if inFence { continue }
                let line = Array(rawLine.unicodeScalars)
                var index = 0
                while index + 1 < line.count {
                    guard line[index] == "]", line[index + 1] == "(", let close = line[(index + 2)...].firstIndex(of: ")") else {
                        index += 1
                        continue
                    }
                    var end = close
                    if let space = line[(index + 2)..<close].firstIndex(of: " ") { end = space }
                    let start = index + 2
                    let hash = line[start..<end].firstIndex(of: "#")
                    var pathView = String.UnicodeScalarView()
                    pathView.append(contentsOf: line[start..<(hash ?? end)])
                    let written = String(pathView)
                    if !written.contains(":"), let target = written.isEmpty ? file : ContentPaths.resolve(written.removingPercentEncoding ?? written, from: folder) {
                        var fragmentView = String.UnicodeScalarView()
                        if let hash { fragmentView.append(contentsOf: line[(hash + 1)..<end]) }
                        found.append((file, MarkdownLink(
                            line: number, target: target, fragment: hash == nil ? nil : String(fragmentView),
                            pathRange: start..<(hash ?? end), fragmentRange: (hash.map { $0 + 1 } ?? end)..<end)))
                    }
                    index = close + 1
                }
            }
        }
        return found
    }

    // MARK: - Hover on the model

    /// A team: what it holds in each strategy. A stage: its criteria, and in a strategy's file
    /// which of them that strategy meets.
    private func modelHover(_ word: String, in path: String) -> String? {
        if model == nil { check() }
        guard let model, !word.isEmpty else { return nil }
        let framework = model.framework
        func responsibility(_ id: String) -> String { framework.responsibility(id)?.name ?? id }
        if let team = model.teamModels.first(where: { $0.id == word }) {
            var lines = ["**\(team.displayName)** (team `\(team.id)`)"]
            for strategy in model.strategyModels {
                var roles: [String] = []
                for (letter, pick) in [("Accountable for", \Strategy.Assignment.accountable), ("Responsible for", \.responsible),
                                       ("Consulted on", \.consulted), ("Informed of", \.informed)] {
                    let names = strategy.assignments.filter { $0[keyPath: pick].contains { $0.value == team.id } }.map { responsibility($0.responsibility.value) }
                    if !names.isEmpty { roles.append("\(letter) \(names.joined(separator: ", "))") }
                }
                if strategy.owner?.value == team.id { roles.insert("owns it", at: 0) }
                if !roles.isEmpty { lines.append("- \(strategy.displayName): \(roles.joined(separator: "; "))") }
            }
            if lines.count == 1 { lines.append("No role in any strategy.") }
            return lines.joined(separator: "\n")
        }
        if let index = framework.stageIndex(word) {
            let stage = framework.stages[index]
            var lines = ["**\(stage.name)** (stage \(index + 1) of \(framework.stages.count)): \(stage.entry.summary)"]
            let strategy = model.strategyModels.first { $0.sourcePath == path }
            let evaluator = CriterionEvaluator(context: ValidationContext(site: model, today: today))
            if let strategy { lines.append("\nWhat \(strategy.displayName) meets of it:") }
            for criterion in stage.criteria {
                if let strategy {
                    lines.append("- \(evaluator.meets(strategy, criterion) ? "✓" : "✗") \(criterion.summary)")
                } else {
                    lines.append("- \(criterion.summary)")
                }
            }
            return lines.joined(separator: "\n")
        }
        return nil
    }
}
