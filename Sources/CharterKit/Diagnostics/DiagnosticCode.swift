/// A stable diagnostic code such as `CH101`: never reused, grouped by pipeline stage,
/// each with a default severity, a one-line summary and a longer explanation.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    /// A name for tools that show rules by name, such as SARIF viewers ("SmacadElementMissing").
    public let name: String
    /// The severity used unless a site's configuration says otherwise.
    public let defaultSeverity: Severity
    /// One line saying what the code means.
    public let summary: String
    /// What causes the problem and how to fix it, printed by `charter explain`.
    public let explanation: String
    /// The group the code belongs to, such as "SMACAD (CH20x)".
    public let group: String

    public init?(rawValue: String) {
        guard let known = DiagnosticCode.all.first(where: { $0.rawValue == rawValue.uppercased() }) else { return nil }
        self = known
    }

    private init(_ rawValue: String, _ name: String, _ severity: Severity, _ group: String, _ summary: String, _ explanation: String) {
        self.rawValue = rawValue
        self.name = name
        self.defaultSeverity = severity
        self.group = group
        self.summary = summary
        self.explanation = explanation
    }

    public var description: String { rawValue }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = DiagnosticCode(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown code \(raw)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // MARK: Loading (CH0xx)
    public static let unreadableFile = DiagnosticCode(
        "CH001", "UnreadableFile", .error, "Loading (CH0xx)", "a content file could not be read",
        "Charter could not open or read a file below the content folder, usually because of its permissions. The file is left out of the site; fix its permissions or remove it.")
    public static let invalidUTF8 = DiagnosticCode(
        "CH002", "InvalidUTF8", .error, "Loading (CH0xx)", "a text file is not valid UTF-8",
        "Markdown, YAML and template files must be UTF-8. The position is that of the first byte sequence that is not. Re-save the file as UTF-8 (a byte-order mark is allowed and ignored).")
    public static let fileTooLarge = DiagnosticCode(
        "CH003", "FileTooLarge", .error, "Loading (CH0xx)", "a text file is larger than Charter reads",
        "Text files over 10 MiB are not read, so that a stray export or log cannot stall a build. Split the page, or move the file out of the content folder.")
    public static let duplicateOutputPath = DiagnosticCode(
        "CH004", "DuplicateOutputPath", .error, "Loading (CH0xx)", "two source files would be written to the same page",
        "Two files map to one path in the site, for example `a.md` and `a.markdown`, or a page and an asset of the same name. Only one could be written, so neither is chosen silently: rename one of them.")
    public static let shadowedReadme = DiagnosticCode(
        "CH005", "ShadowedReadme", .warning, "Loading (CH0xx)", "a folder has both index.md and README.md",
        "Both files would be the folder's landing page. `index.md` is used as the landing page and README.md is published as README.html. Merge them or rename one.")

    public static let invalidFileName = DiagnosticCode(
        "CH020", "InvalidFileName", .error, "Loading (CH0xx)", "a file's name is not valid UTF-8 or holds a backslash",
        "The name of a file below the content folder holds bytes that are not UTF-8, or a backslash, which browsers read as a folder separator; either way it cannot be given a URL that every browser and server reads the same way. The file is left out of the site; rename it using UTF-8 without backslashes (any language's letters are fine).")

    // MARK: Front matter, YAML and file formats (CH1xx)
    public static let unterminatedFrontMatter = DiagnosticCode(
        "CH101", "UnterminatedFrontMatter", .error, "Front matter, YAML and file formats (CH1xx)", "front matter opened with '---' is never closed",
        "A Markdown file starts with a `---` line, which opens YAML front matter, but no later line is `---` or `...`. Add the closing line after the last front-matter key, or remove the opening one if the file has no front matter.")
    public static let malformedYAML = DiagnosticCode(
        "CH102", "MalformedYAML", .error, "Front matter, YAML and file formats (CH1xx)", "YAML could not be parsed",
        "The YAML parser stopped at the position given. Common causes are a missing closing bracket or quote, a tab used for indentation, or a value that starts with a character YAML reserves (`@`, a backtick, `%`); quote such values.")
    public static let frontMatterNotMapping = DiagnosticCode(
        "CH103", "FrontMatterNotMapping", .error, "Front matter, YAML and file formats (CH1xx)", "front matter is not a mapping of keys to values",
        "Front matter must be a YAML mapping such as `title: Listening plan`. A list or a bare value cannot be read as page settings.")
    public static let yamlTooComplex = DiagnosticCode(
        "CH104", "YamlTooComplex", .error, "Front matter, YAML and file formats (CH1xx)", "YAML nests or expands aliases past Charter's limits",
        "The document nests more than 500 levels deep, or its aliases expand to more than 250,000 values (an \"alias bomb\"). Such documents are rejected before they can exhaust memory or time. Write the values out plainly.")
    public static let wrongType = DiagnosticCode(
        "CH105", "WrongType", .error, "Front matter, YAML and file formats (CH1xx)", "a field has the wrong type",
        "The field holds a different kind of value than Charter expects: text where a list is needed, a list where a single value is needed, a number where text is needed. The message names the expected and the found type.")
    public static let duplicateKey = DiagnosticCode(
        "CH106", "DuplicateKey", .error, "Front matter, YAML and file formats (CH1xx)", "a mapping has the same key twice",
        "YAML does not allow one key twice in the same mapping; which value wins would be a guess. Remove or merge the duplicate.")
    public static let emptyFile = DiagnosticCode(
        "CH107", "EmptyFile", .error, "Front matter, YAML and file formats (CH1xx)", "a data file is empty",
        "A strategy or team file holds no YAML at all. Fill it in or delete it.")
    public static let unknownKey = DiagnosticCode(
        "CH108", "UnknownKey", .error, "Front matter, YAML and file formats (CH1xx)", "a key is not one Charter knows",
        "Strategy, team and model files are checked against their formats, so that a misspelt key is not silently ignored. Keys starting with `x-` are yours and are never checked. In charter.yaml an unknown key is a warning.")
    public static let nearMissKey = DiagnosticCode(
        "CH109", "NearMissKey", .warning, "Front matter, YAML and file formats (CH1xx)", "a front-matter key looks like a misspelling of a known key",
        "Playbook front matter may hold any key of your own, which templates receive as parameters. A key that is one or two letters away from a key Charter knows (`titel`, `ownr`) is most likely a typo, so it is reported with the key it resembles.")
    public static let missingField = DiagnosticCode(
        "CH110", "MissingField", .error, "Front matter, YAML and file formats (CH1xx)", "a required field is missing",
        "The field is required by the file's format: a strategy needs a title and an owner, a team a name, a program a kind, a risk an owner, and so on.")
    public static let unknownValue = DiagnosticCode(
        "CH111", "UnknownValue", .error, "Front matter, YAML and file formats (CH1xx)", "a value is not one of those allowed",
        "The field takes one value from a fixed list (a status, a focus area, a program kind, a community anchor, a team kind, a criterion check). The message lists or suggests the allowed values. Focus areas and program kinds come from the active model, so a site can add its own.")
    public static let invalidID = DiagnosticCode(
        "CH112", "InvalidID", .error, "Front matter, YAML and file formats (CH1xx)", "an ID is not lower-case letters, digits and hyphens",
        "IDs appear in URLs and in references from other files. They must start with a letter or digit and use only lower-case letters, digits and hyphens, for example `customer-community`. A file's ID is its name without the extension.")
    public static let invalidDate = DiagnosticCode(
        "CH113", "InvalidDate", .error, "Front matter, YAML and file formats (CH1xx)", "a date is not written as YYYY-MM-DD, or an interval is not understood",
        "Dates are written as `2026-05-31`. Review intervals are a number and a unit: `90 days`, `6 weeks`, `6 months`, `1 year`.")

    // MARK: SMACAD (CH20x)
    public static let smacadElementMissing = DiagnosticCode(
        "CH201", "SmacadElementMissing", .error, "SMACAD (CH20x)", "a SMACAD element is missing or empty",
        "Every strategy needs all six SMACAD elements: goal, mission, benefits, methods, resources and reporting. A strategy without one of them is not yet a defined strategy, which is the first of the three reasons strategies fail.")
    public static let benefitsOneSided = DiagnosticCode(
        "CH202", "BenefitsOneSided", .error, "SMACAD (CH20x)", "benefits name only one side",
        "A social business strategy is owned by the customer and the company together, so its benefits must name what the customer gains and what the company gains, in separate `customer` and `company` lists.")
    public static let methodWithoutExecution = DiagnosticCode(
        "CH203", "MethodWithoutExecution", .error, "SMACAD (CH20x)", "a method has no program or playbook carrying it out",
        "A method is only a wish until something executes it. Give it at least one program (a program's `method` names it) or a playbook (in its `playbooks` list).")
    public static let methodWithoutResources = DiagnosticCode(
        "CH204", "MethodWithoutResources", .error, "SMACAD (CH20x)", "a method has no resources",
        "Resources are derived from the methods: every method needs people, budget or tools, named by a resource whose `methods` list includes it.")
    public static let methodWithoutReporting = DiagnosticCode(
        "CH205", "MethodWithoutReporting", .error, "SMACAD (CH20x)", "a method has no reporting with a measure, a target and a tool",
        "Reporting says what success means at every step. Every method needs a reporting entry with what success means, the measure, its target, and the tool that measures it.")
    public static let resourceWithoutMethod = DiagnosticCode(
        "CH206", "ResourceWithoutMethod", .error, "SMACAD (CH20x)", "a resource serves no method",
        "Every resource should exist because a method needs it. List the methods it serves in its `methods` field, or remove it.")
    public static let placeholderText = DiagnosticCode(
        "CH207", "PlaceholderText", .error, "SMACAD (CH20x)", "a strategy holds placeholder text",
        "Words such as TODO, TBD, TBC, FIXME or `lorem ipsum` mark unfinished text. They are an error in an approved strategy and a warning while it is a draft or in review.")

    // MARK: Assessment (CH21x)
    public static let assessmentIncomplete = DiagnosticCode(
        "CH210", "AssessmentIncomplete", .error, "Assessment (CH21x)", "a strategy past Planning lacks a full assessment",
        "Assessment comes first: objectives set before it tend to change after it. Once a strategy is past Planning, its assessment must cover the brand, the customers (sentiment, needs, frustrations, excitements), the partners and channel, and the competition.")
    public static let noCoCreators = DiagnosticCode(
        "CH211", "NoCoCreators", .warning, "Assessment (CH21x)", "a strategy names no co-creators",
        "A strategy made in a board room alone gets little cooperation from the market. Name the market representatives it was created with (customers, partners, others) under `co_creators`.")

    // MARK: Maturity (CH22x)
    public static let targetBelowCurrent = DiagnosticCode(
        "CH220", "TargetBelowCurrent", .error, "Maturity (CH22x)", "a strategy's target stage is below its current stage",
        "The maturity target is where the strategy is heading, so it cannot be lower than where it stands. Lower the current stage or raise the target.")
    public static let unmetStageCriterion = DiagnosticCode(
        "CH221", "UnmetStageCriterion", .error, "Maturity (CH22x)", "a strategy does not meet a criterion of a stage it claims",
        "Stages are cumulative: a strategy at a stage meets the criteria of that stage and of every stage before it. The message names the stage and the criterion that is not met; meet it or lower the current stage.")
    public static let maturityGap = DiagnosticCode(
        "CH222", "MaturityGap", .note, "Maturity (CH22x)", "what a strategy still needs to reach its target stage",
        "For every stage between the current one and the target, the criteria the strategy does not meet yet. This is the strategy's gap list; it is informational and also shown on the strategy's page.")

    // MARK: Responsibility matrix (CH23x)
    public static let noAccountable = DiagnosticCode(
        "CH230", "NoAccountable", .error, "Responsibility matrix (CH23x)", "a responsibility has no Accountable team",
        "Every responsibility in a strategy's matrix needs exactly one Accountable team: the one that answers for it.")
    public static let severalAccountable = DiagnosticCode(
        "CH231", "SeveralAccountable", .error, "Responsibility matrix (CH23x)", "a responsibility has more than one Accountable team",
        "When several teams are Accountable, none is. Keep one as Accountable and make the others Responsible or Consulted.")
    public static let noResponsible = DiagnosticCode(
        "CH232", "NoResponsible", .error, "Responsibility matrix (CH23x)", "a responsibility has no Responsible team",
        "Somebody must do the work. Name at least one Responsible team; listing the Accountable team under `responsible` as well says that it does the work itself.")
    public static let severalLetters = DiagnosticCode(
        "CH233", "SeveralLetters", .error, "Responsibility matrix (CH23x)", "a team holds two letters for one responsibility",
        "Each cell of the matrix holds one letter: a team is Accountable, Responsible, Consulted or Informed for a responsibility, not two of these. The only exception is the Accountable team listed as Responsible too, which says it does the work itself.")
    public static let accountableOverload = DiagnosticCode(
        "CH234", "AccountableOverload", .warning, "Responsibility matrix (CH23x)", "a team is Accountable for more than half of a strategy's responsibilities",
        "One team answering for most of a strategy is a bottleneck and a single point of failure. Share the accountability out.")
    public static let responsibilityUncovered = DiagnosticCode(
        "CH235", "ResponsibilityUncovered", .warning, "Responsibility matrix (CH23x)", "no strategy gives a responsibility to any team",
        "Across the whole organisation, a responsibility of the model has no Accountable or Responsible team in any strategy. Someone should own it.")

    // MARK: Why strategies fail (CH24x)
    public static let noDefinedStrategy = DiagnosticCode(
        "CH240", "NoDefinedStrategy", .warning, "Why strategies fail (CH24x)", "health: the strategy is not fully defined",
        "The first reason strategies fail is the lack of a defined strategy. This strategy misses one or more SMACAD elements.")
    public static let noGovernance = DiagnosticCode(
        "CH241", "NoGovernance", .warning, "Why strategies fail (CH24x)", "health: the strategy has no governance",
        "The second reason strategies fail is the lack of governance: no team is Accountable for Governance and no coordination team takes part.")
    public static let noFunding = DiagnosticCode(
        "CH242", "NoFunding", .warning, "Why strategies fail (CH24x)", "health: the strategy has no funding",
        "The third reason strategies fail is the lack of funding: none of the strategy's resources is a budget.")

    // MARK: Integrity (CH25x)
    public static let unknownReference = DiagnosticCode(
        "CH250", "UnknownReference", .error, "Integrity (CH25x)", "a reference names a team, strategy, stage, responsibility, method or playbook that does not exist",
        "References are by ID (the file name without extension for teams and strategies, the `id` field inside a strategy) or, for playbooks, by the path of the Markdown file. The message suggests the closest existing name.")
    public static let duplicateID = DiagnosticCode(
        "CH251", "DuplicateID", .error, "Integrity (CH25x)", "two things share one ID",
        "IDs must be unique: across strategy files, across team files, and within a strategy for its objectives, methods, resources and programs.")
    public static let stalePage = DiagnosticCode(
        "CH252", "StalePage", .warning, "Integrity (CH25x)", "a page is past its review date",
        "The page's `last_reviewed` date plus its `review_interval` (12 months unless set) lies in the past. Review the page and update the date.")

    // MARK: Links (CH30x)
    public static let brokenLink = DiagnosticCode(
        "CH301", "BrokenLink", .error, "Links (CH30x)", "a link points to a page or file that does not exist",
        "A relative link (`../teams/hub.yaml`, `escalation.md`, a folder, an image) or a typed reference (`strategy:ID`, `team:ID`, `stage:NAME`, `responsibility:NAME`, `program:STRATEGY/ID`, `playbook:PATH`) names something the site does not have. Links are resolved against the content folder exactly as GitHub resolves them, so a link that works here works when the file is read on GitHub. The message suggests the closest existing target. External links are never fetched.")
    public static let brokenAnchor = DiagnosticCode(
        "CH302", "BrokenAnchor", .error, "Links (CH30x)", "a link points to an anchor that does not exist on its page",
        "The page exists but has no element with that id. Heading ids follow GitHub's rules (lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` for repeats), so `## When to escalate` is `#when-to-escalate`. While an old handbook is being migrated, a site can make this a warning with `severity: {CH302: warning}`.")

    // MARK: Markdown and templates (CH4xx)
    public static let templateSyntax = DiagnosticCode(
        "CH401", "TemplateSyntax", .error, "Markdown and templates (CH4xx)", "a template could not be parsed",
        "A Mustache template in the site's Templates/ folder has a syntax error at the position given, such as a section closed with another name than it was opened with.")
    public static let missingTemplate = DiagnosticCode(
        "CH402", "MissingTemplate", .error, "Markdown and templates (CH4xx)", "a template needed to render a page does not exist",
        "A page needs a template that neither the site nor Charter's defaults provide. This happens when a partial or parent template is renamed.")
    public static let rawHTMLDropped = DiagnosticCode(
        "CH403", "RawHTMLDropped", .note, "Markdown and templates (CH4xx)", "raw HTML was left out because the site is in safe mode",
        "By default raw HTML in Markdown is not published, so that no author can add scripts to the site. Write the content in Markdown, or set `unsafe_html: true` in charter.yaml if every author is trusted.")

    /// Every code Charter can report, in code order.
    public static let all: [DiagnosticCode] = [
        .unreadableFile, .invalidUTF8, .fileTooLarge, .duplicateOutputPath,
        .shadowedReadme, .invalidFileName, .unterminatedFrontMatter, .malformedYAML, .frontMatterNotMapping,
        .yamlTooComplex, .wrongType, .duplicateKey, .emptyFile,
        .unknownKey, .nearMissKey, .missingField, .unknownValue,
        .invalidID, .invalidDate, .smacadElementMissing, .benefitsOneSided,
        .methodWithoutExecution, .methodWithoutResources, .methodWithoutReporting, .resourceWithoutMethod,
        .placeholderText, .assessmentIncomplete, .noCoCreators, .targetBelowCurrent,
        .unmetStageCriterion, .maturityGap, .noAccountable, .severalAccountable,
        .noResponsible, .severalLetters, .accountableOverload, .responsibilityUncovered,
        .noDefinedStrategy, .noGovernance, .noFunding, .unknownReference,
        .duplicateID, .stalePage, .brokenLink, .brokenAnchor, .templateSyntax, .missingTemplate,
        .rawHTMLDropped,
    ]
}
