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

    /// Whether `charter check --strict` fails on this code as a warning. Every code does but
    /// those that report how the strategy is doing rather than a fault in its files: an off-track
    /// measure (CH280; entering a disappointing result must not break the build), and three that
    /// become true with the passing of days alone, so that an unchanged repository would go red
    /// overnight, blocking pull requests that have nothing to do with them: a measure without
    /// recent data (CH284), a measure past its target date (CH285) and an assessment grown old
    /// (CH261).
    public var failsStrict: Bool { ![.measureOffTrack, .measureNoRecentData, .measureOverdue, .staleAssessment].contains(self) }

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
        "Text files (Markdown, YAML, templates) over 10 MiB are not read, so that a stray export or log cannot stall a build. Split the page, move the file out of the content folder, or raise the limit with `limits: {max_file_size: 64MiB}` in charter.yaml.")
    public static let duplicateOutputPath = DiagnosticCode(
        "CH004", "DuplicateOutputPath", .error, "Loading (CH0xx)", "two source files would be written to the same page",
        "Two files map to one path in the site, for example `a.md` and `a.markdown`, or a page and an asset of the same name. Only one could be written, so neither is chosen silently: rename one of them.")
    public static let shadowedReadme = DiagnosticCode(
        "CH005", "ShadowedReadme", .warning, "Loading (CH0xx)", "a folder has both index.md and README.md",
        "Both files would be the folder's landing page. `index.md` is used as the landing page and README.md is published as README.html. Merge them or rename one.")
    public static let outsideRoot = DiagnosticCode(
        "CH006", "OutsideRoot", .error, "Loading (CH0xx)", "a symbolic link points outside the site's folder",
        "A file or folder of the site (in the content, `Templates/`, `model/`, or `charter.yaml` itself) is a symbolic link whose real target lies outside the site's root folder. Charter never reads or publishes such a target, so that a contributor cannot publish `/etc/passwd` by committing a link to it. Even with `--allow-errors` the link is left out. Links whose target is inside the site are followed as usual. Copy the file into the site, or remove the link.")
    public static let symlinkLoop = DiagnosticCode(
        "CH007", "SymlinkLoop", .error, "Loading (CH0xx)", "a symbolic link loops",
        "The link cannot be resolved because it leads back to itself, directly or through other links, or it is a link to a folder that contains it, which would be walked without end. It is not followed. Remove the link or point it somewhere else.")
    public static let brokenSymlink = DiagnosticCode(
        "CH008", "BrokenSymlink", .warning, "Loading (CH0xx)", "a symbolic link points to nothing",
        "The link's target does not exist, so there is nothing to read or publish and the link is skipped. Restore the target or remove the link.")
    public static let specialFile = DiagnosticCode(
        "CH009", "SpecialFile", .warning, "Loading (CH0xx)", "a FIFO, socket or device file is in the site's folder",
        "Only regular files and folders are read. A named pipe (FIFO), a socket or a device is skipped without being opened: reading a FIFO would wait for a writer for ever, and a device has no end. Remove it from the site's folder.")
    public static let tooManyFiles = DiagnosticCode(
        "CH010", "TooManyFiles", .error, "Loading (CH0xx)", "the site has more files and folders than Charter reads",
        "Charter stops listing the site's folders after 100,000 files and folders (links included), so that a stray dependency folder or a tree of links cannot stall a build. The diagnostic is at the folder where listing stopped. Remove what is not content, or raise the limit with `limits: {max_files: 250000}` in charter.yaml.")
    public static let invalidLimit = DiagnosticCode(
        "CH011", "InvalidLimit", .error, "Loading (CH0xx)", "a limit in charter.yaml is not one Charter accepts",
        "The `limits` settings take a size (`max_file_size: 64MiB`, with B, KiB, MiB or GiB, or KB, MB and GB as powers of 1000) or a count (`max_files: 250000`) within the range given in the message. The default stays in force until the value is fixed. See the limits table in docs/limits.md.")

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

    public static let measureFormat = DiagnosticCode(
        "CH117", "MeasureFormat", .error, "Front matter, YAML and file formats (CH1xx)", "a measure's baseline, target and results do not fit together",
        "A tracked measure has a target written as `{value: 80, date: 2027-12-31}`, an optional baseline (`{value: 52, date: 2025-09-01}`, or a bare number dated by the earliest result) and dated results (`results: [{date: 2026-03-31, value: 61}]`). A measure with a baseline or results but no target with a number and a date cannot be judged, and two results on the same day contradict each other.")
    public static let budgetFormat = DiagnosticCode(
        "CH118", "BudgetFormat", .note, "Front matter, YAML and file formats (CH1xx)", "a budget's amount is not a number with a currency and a period",
        "Budgets are added up per strategy and per objective when their amount is a number with a `currency` (such as GBP) and a `period` (year, quarter, month or once): `amount: 95000`, `currency: GBP`, `period: year`. An amount written as text (`£95,000 a year`), the older form, is still read and shown as written, but it is left out of the totals. A number without its currency or period cannot be added up either.")
    public static let inlineObjective = DiagnosticCode(
        "CH119", "InlineObjective", .note, "Front matter, YAML and file formats (CH1xx)", "a strategy writes out an objective instead of naming one from the register",
        "Business objectives live once, in the objectives register (`objectives.yaml` in the content folder, or one file each under `objectives/`), and strategies name them by ID: `objectives: [fewer-calls]`. An objective written out in the strategy with its own `text`, the older form, is still read and shown, but it has no page of its own and cannot show the other strategies that serve it. Move it to the register and keep only its ID in the strategy.")

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
        "Every responsibility in a strategy's matrix needs exactly one Accountable team: the one that answers for it. This is a convention of responsibility (RACI) matrices that keeps a matrix readable, not a rule of the framework.")
    public static let severalAccountable = DiagnosticCode(
        "CH231", "SeveralAccountable", .error, "Responsibility matrix (CH23x)", "a responsibility has more than one Accountable team",
        "When several teams are Accountable, none is. Keep one as Accountable and make the others Responsible or Consulted. This is a convention of responsibility (RACI) matrices that keeps a matrix readable, not a rule of the framework.")
    public static let noResponsible = DiagnosticCode(
        "CH232", "NoResponsible", .error, "Responsibility matrix (CH23x)", "a responsibility has no Responsible team",
        "Somebody must do the work. Name at least one Responsible team; listing the Accountable team under `responsible` as well says that it does the work itself. This is a convention of responsibility (RACI) matrices that keeps a matrix readable, not a rule of the framework.")
    public static let severalLetters = DiagnosticCode(
        "CH233", "SeveralLetters", .error, "Responsibility matrix (CH23x)", "a team holds two letters for one responsibility",
        "Each cell of the matrix holds one letter: a team is Accountable, Responsible, Consulted or Informed for a responsibility, not two of these. The only exception is the Accountable team listed as Responsible too, which says it does the work itself. This is a convention of responsibility (RACI) matrices that keeps a matrix readable, not a rule of the framework.")
    public static let accountableOverload = DiagnosticCode(
        "CH234", "AccountableOverload", .warning, "Responsibility matrix (CH23x)", "a team other than a coordination hub or committee is Accountable for more than half of a strategy's responsibilities",
        "A function team answering for most of a strategy is a bottleneck and a single point of failure: share the accountability out. The framework's own pattern is a dedicated team, drawn from across the business, that coordinates and holds the nine responsibilities, so a team whose `kind` is `coordination-hub` or `committee` may be Accountable for all of them without this warning. This is Charter's convention, not a rule of the framework.")
    public static let responsibilityUncovered = DiagnosticCode(
        "CH235", "ResponsibilityUncovered", .warning, "Responsibility matrix (CH23x)", "no strategy gives a responsibility to any team",
        "Across the whole organisation, a responsibility of the model has no Accountable or Responsible team in any strategy. Someone should own it.")

    // MARK: Why strategies fail (CH24x)
    private static let draftHealth = " While the strategy's `status` is `draft` this is a note, not a warning: a draft is still being written, so the health page lists what it lacks without failing `check --strict`; it becomes a warning once the strategy goes to review."
    public static let noDefinedStrategy = DiagnosticCode(
        "CH240", "NoDefinedStrategy", .warning, "Why strategies fail (CH24x)", "health: the strategy is not fully defined",
        "The first reason strategies fail is the lack of a defined strategy. This strategy misses one or more SMACAD elements." + draftHealth)
    public static let noGovernance = DiagnosticCode(
        "CH241", "NoGovernance", .warning, "Why strategies fail (CH24x)", "health: the strategy has no governance",
        "The second reason strategies fail is the lack of governance: no team is Accountable for Governance and no coordination team takes part." + draftHealth)
    public static let noFunding = DiagnosticCode(
        "CH242", "NoFunding", .warning, "Why strategies fail (CH24x)", "health: the strategy has no funding",
        "The third reason strategies fail is the lack of funding: none of the strategy's resources is a budget." + draftHealth)

    // MARK: Integrity (CH25x)
    public static let unknownReference = DiagnosticCode(
        "CH250", "UnknownReference", .error, "Integrity (CH25x)", "a reference names a team, strategy, stage, responsibility, method or playbook that does not exist",
        "References are by ID (the file name without extension for teams and strategies, the `id` field inside a strategy) or, for playbooks, by the path of the Markdown file. The message suggests the closest existing name.")
    public static let duplicateID = DiagnosticCode(
        "CH251", "DuplicateID", .error, "Integrity (CH25x)", "two things share one ID",
        "IDs must be unique: across strategy files, across team files, and within a strategy for its objectives, methods, resources, programs and assessment findings.")
    public static let stalePage = DiagnosticCode(
        "CH252", "StalePage", .warning, "Integrity (CH25x)", "a page is past its review date",
        "The page's `last_reviewed` date plus its `review_interval` (12 months unless set) lies in the past. Review the page and update the date.")

    // MARK: The framework's stages and assessment (CH26x)
    public static let supportedStage = DiagnosticCode(
        "CH260", "SupportedStage", .note, "Framework (CH26x)", "the stage the evidence supports differs from the stage claimed",
        "A strategy's `maturity.current` is its own claim. Charter also works out the highest stage whose criteria, and those of every stage before it, the strategy meets, and reports both when they differ, so that a reviewer sees how honest the self-assessment is. A claim above the evidence is also an error (CH221) for each criterion it lacks; a claim below it means the strategy could say more of itself.")
    public static let staleAssessment = DiagnosticCode(
        "CH261", "StaleAssessment", .warning, "Framework (CH26x)", "the assessment is older than the site allows",
        "The assessment comes first, and objectives rest on it. Its `assessed_on` date plus the site's `assessment_max_age` (12 months unless charter.yaml says otherwise) lies in the past, so the market may have moved on: re-assess before changing objectives, then update `assessed_on`. It is shown on the strategy page and the health page; like an off-track measure (CH280) it does not fail `charter check --strict`, because it becomes true by the calendar alone (raise it with `severity: {CH261: error}` to make it block).")
    public static let unknownFinding = DiagnosticCode(
        "CH262", "UnknownFinding", .error, "Framework (CH26x)", "a method answers an assessment finding that does not exist",
        "A method's `answers` list names the IDs of customer needs, frustrations or excitements in the strategy's assessment. The ID given is not one of them; give the finding an `id` (`{id: slow-claims, text: ...}`) or correct the reference.")
    public static let businessAreasUndeclared = DiagnosticCode(
        "CH263", "BusinessAreasUndeclared", .note, "Framework (CH26x)", "the Strategic stage is judged without a declared list of business areas",
        "The framework's Strategic stage means the strategy is rolled into all areas of the business. \"All\" needs a list, so a site declares its areas under `business_areas` in charter.yaml and each team names its `area`; a strategy then needs a team Accountable or Responsible from every declared area. Without the list, Charter falls back to counting the distinct areas its acting teams come from (three, unless `minimum` in model/stages.yaml says otherwise), which is Charter's reading, not the framework's. This note, once per strategy that claims or aims at such a stage, says which rule judged it.")
    public static let focusAreaExpectation = DiagnosticCode(
        "CH264", "FocusAreaExpectation", .note, "Framework (CH26x)", "a strategy lacks what its focus area calls for",
        "Each focus area yields different results, and asks for different things. Charter's reading, which is not the framework's own rule: a strategy with the Marketing focus has a presence and content people can share; one with the Operational focus has a program where staff work together on a process (kind internal or process alignment); one with the Customer focus has a community program where customers share with each other, whoever runs it. Because it is Charter's reading, it is a note, listed on the health page beside the strategy's other gaps; a site that holds its strategies to it raises it with `severity: {CH264: warning}`, changes or removes the expectations with `expects:` on a focus area in `model/focus-areas.yaml` (`expects: []` switches one off), or turns the code off with `severity: {CH264: off}`.")
    // MARK: Scoreboard: measures and objectives (CH28x)
    public static let measureOffTrack = DiagnosticCode(
        "CH280", "MeasureOffTrack", .warning, "Scoreboard: measures and objectives (CH28x)", "a measure is more than its band behind the line from its baseline to its target",
        "Charter draws a straight line from a measure's baseline (or, without one, its earliest result) to its target on the target date, and judges the latest result against the line on that result's date. The measure is off track when the result is behind the line by more than the measure's band: below it when the target is higher than the start, above it when the target is lower (fewer complaints, lower cost). The band is the measure's `band`, in its units, or else the site's `measure_band` (5% of the planned change unless charter.yaml says otherwise); within the band the measure is at risk (CH283). The line and the band are Charter's conventions, not the framework's. This reports how the strategy is doing, not a mistake in the file, so `charter check --strict` does not fail on it; a site that wants it to can raise it with `severity: {CH280: error}` in charter.yaml. Off-track measures are listed on the health page and counted on the home page.")
    public static let unservedObjective = DiagnosticCode(
        "CH281", "UnservedObjective", .warning, "Scoreboard: measures and objectives (CH28x)", "no strategy serves an objective of the register",
        "An objective in the register that no strategy or method names is a business objective nobody pursues in the open. Name it in the `objectives` of the strategy (or method) that serves it, or remove it from the register if it is no longer an objective.")
    public static let strategyWithoutObjective = DiagnosticCode(
        "CH282", "StrategyWithoutObjective", .warning, "Scoreboard: measures and objectives (CH28x)", "a strategy serves none of the register's objectives",
        "When a site has an objectives register, every strategy should serve at least one of its objectives: that is what folds a social effort into the business's one strategy process. Name the objectives the strategy serves by ID under `objectives`. Sites without a register are not checked.")
    public static let measureAtRisk = DiagnosticCode(
        "CH283", "MeasureAtRisk", .note, "Scoreboard: measures and objectives (CH28x)", "a measure is within its band of the line to its target",
        "The latest result is no more than the measure's band ahead of the line from its start to its target, or no more than the band behind it: on plan for now, but one poor period from off track (CH280). A result exactly on the line is at risk too, because a measure only just keeping up is not yet ahead. The band is the measure's own `band`, in its units, or the site's `measure_band`, a share of the planned change (5% by default). Charter's convention, like the line itself. It is a note: the health page lists it in amber, before it turns red.")
    public static let measureNoRecentData = DiagnosticCode(
        "CH284", "MeasureNoRecentData", .warning, "Scoreboard: measures and objectives (CH28x)", "a measure's latest result is older than its cadence",
        "A measure that declares a `cadence` (monthly, quarterly or yearly) expects a result that often. Its latest result, or its baseline when it has no result, is older than that as of the day of the check, so the measure is not judged against its line: its data stopped coming in, and an old result could show green when the present is not. Add the results since, or change the cadence to how often the measure is really taken. The cadence's meaning is Charter's convention. Like CH280 it does not fail `charter check --strict`, because it becomes true by the calendar alone.")
    public static let measureOverdue = DiagnosticCode(
        "CH285", "MeasureOverdue", .warning, "Scoreboard: measures and objectives (CH28x)", "a measure's target date has passed without its target reached",
        "The target date lies before the day of the check, and the latest result has not reached the target, or there is no result at all. The measure is off track whatever its line said, and silence is not progress: record the result, or agree a new target and date and write them in (the old ones stay in git). It does not fail `charter check --strict`, because it becomes true by the calendar alone; raise it with `severity: {CH285: error}` to make it block.")
    public static let measureNotJudged = DiagnosticCode(
        "CH286", "MeasureNotJudged", .note, "Scoreboard: measures and objectives (CH28x)", "a measure has no number to reach by a date, so it is not judged",
        "The measure's target is in words (\"12,000 a year\", \"10% lower\") or it has none, so Charter cannot tell whether it is on track, and it is shown as \"not judged\" and counted as such. To judge it, give it a unit, a baseline and a target with a number and a date, and add dated results as they come in: `unit: calls`, `baseline: {value: 9000, date: 2026-01-31}`, `target: {value: 4500, date: 2027-12-31}`, `results: [{date: 2026-04-30, value: 8400}]`.")
    public static let objectiveWithoutMeasure = DiagnosticCode(
        "CH287", "ObjectiveWithoutMeasure", .note, "Scoreboard: measures and objectives (CH28x)", "an objective of the register has no measure of its own",
        "Strategies serve the objective, but it has no `measures` of its own in the register, and no method names it under its `objectives` and reports a measure, so nothing on the site says whether this objective is being reached. A strategy that names the objective only as a whole lends it every method's measure on the objective's page, but those measure the methods, and may say little about the objective. Give the objective outcome measures of its own in the register (`measures:`, written as a strategy's measures are, without `method`), or name it under the `objectives` of the method whose measure tells whether it is reached; ideally with a number to reach by a date (see CH286).")

    // MARK: Links (CH30x)
    public static let brokenLink = DiagnosticCode(
        "CH301", "BrokenLink", .error, "Links (CH30x)", "a link points to a page or file that does not exist",
        "A relative link (`../teams/hub.yaml`, `escalation.md`, a folder, an image) or a typed reference (`strategy:ID`, `team:ID`, `stage:NAME`, `responsibility:NAME`, `program:STRATEGY/ID`, `playbook:PATH`, `objective:ID`) names something the site does not have. Links are resolved against the content folder exactly as GitHub resolves them, so a link that works here works when the file is read on GitHub. The message suggests the closest existing target. External links are never fetched.")
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
    public static let missingTranslation = DiagnosticCode(
        "CH404", "MissingTranslation", .warning, "Markdown and templates (CH4xx)", "a word Charter writes on a page has no translation in the site's language",
        "Every word Charter writes into a page (labels, headings, the health page's wording, dates) comes from a translation bundle. Charter ships English, German, French and Spanish; `language:` in charter.yaml chooses one. A site adds a language, or changes any message, with `i18n/<language>.yaml` at its root (see docs/translations.md). A message the site's language has in no bundle is written in English and reported here with its key, as is a language Charter does not ship and the site does not translate, and a translation that uses a placeholder Charter does not fill for that message.")

    /// Every code Charter can report, in code order.
    public static let all: [DiagnosticCode] = [
        .unreadableFile, .invalidUTF8, .fileTooLarge, .duplicateOutputPath,
        .shadowedReadme, .outsideRoot, .symlinkLoop, .brokenSymlink, .specialFile, .tooManyFiles, .invalidLimit,
        .invalidFileName, .unterminatedFrontMatter, .malformedYAML, .frontMatterNotMapping,
        .yamlTooComplex, .wrongType, .duplicateKey, .emptyFile,
        .unknownKey, .nearMissKey, .missingField, .unknownValue,
        .invalidID, .invalidDate, .measureFormat, .budgetFormat, .inlineObjective, .smacadElementMissing, .benefitsOneSided,
        .methodWithoutExecution, .methodWithoutResources, .methodWithoutReporting, .resourceWithoutMethod,
        .placeholderText, .assessmentIncomplete, .noCoCreators, .targetBelowCurrent,
        .unmetStageCriterion, .maturityGap, .noAccountable, .severalAccountable,
        .noResponsible, .severalLetters, .accountableOverload, .responsibilityUncovered,
        .noDefinedStrategy, .noGovernance, .noFunding, .unknownReference,
        .duplicateID, .stalePage, .supportedStage, .staleAssessment, .unknownFinding, .businessAreasUndeclared, .focusAreaExpectation, .measureOffTrack, .unservedObjective,
        .strategyWithoutObjective, .measureAtRisk, .measureNoRecentData, .measureOverdue, .measureNotJudged,
        .objectiveWithoutMeasure, .brokenLink, .brokenAnchor, .templateSyntax, .missingTemplate,
        .rawHTMLDropped, .missingTranslation,
    ]
}
