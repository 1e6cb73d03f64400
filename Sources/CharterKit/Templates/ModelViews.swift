// The views of model pages. Every URL is already relative to the page being rendered and
// every text that came from YAML is already HTML (escaped, or rendered from Markdown).
// Optional fields are read in templates with a leading dot (`{{#.detail}}`) so that
// Mustache does not look them up in an enclosing context.

/// A strategy's page.
public struct StrategyView: Sendable {
    public struct Objective: Sendable {
        public var id: String
        public var text: String?
        /// The objective's page, for an objective of the register.
        public var link: LinkView?
        /// "GBP 47,500 a year of its budgets; value GBP 53,550 to date, 1.6× its spend".
        public var detail: String?
    }
    /// A need, frustration or excitement, with the methods that answer it.
    public struct Finding: Sendable {
        /// The id of its list item, for links from methods; nil for a finding without an ID.
        public var anchor: String?
        public var text: String
        /// "need", "frustration" or "excitement".
        public var kind: String
        public var answeredBy: [LinkView]
    }
    public struct Assessment: Sendable {
        /// The day it was made, as YYYY-MM-DD.
        public var assessedOn: String?
        /// The day it was made, in the site's language.
        public var assessedOnText: String?
        /// "re-assess before changing objectives": set when the assessment is older than the site allows.
        public var staleNote: String?
        public var brand: String?
        public var sentiment: String?
        public var needs: [Finding]
        public var frustrations: [Finding]
        public var excitements: [Finding]
        public var partners: String?
        public var competition: String?
        public var competitionBrand: String?
        public var competitionCustomers: String?
        public var competitionPartners: String?
        public var sources: [String]
    }
    /// A market representative the strategy was made with, and the record of what they did.
    public struct CoCreator: Sendable {
        public var name: String
        public var kind: String?
        /// The external party's page, when they are one.
        public var party: LinkView?
        public var segment: String?
        /// "2026-02-01 to 2026-06-30", "from 2026-02-01" or nil.
        public var period: String?
        /// The findings, methods and programs they shaped, linked on the page.
        public var shaped: [LinkView]
        public var contribution: String?
        /// "signed off on 2026-07-04", "signed off", "not signed off", or nil when not recorded.
        public var signOff: String?
        public var signedOff: Bool
    }
    public struct Report: Sendable {
        public var success: String?
        public var measure: String?
        public var target: String?
        public var tool: String?
        /// Progress toward a target with a number and a date; nil for a target in words.
        public var progress: MeasureView?
    }
    public struct Program: Sendable {
        public var anchor: String
        public var title: String
        public var kinds: [LinkView]
        public var owner: LinkView?
        /// A market-run program with no owner: the market runs it on its own.
        public var runByMarket: Bool
        public var method: String?
        public var community: String?
        public var description: String?
    }
    public struct Method: Sendable {
        public var id: String
        public var title: String
        public var description: String?
        public var objectives: [String]
        /// The assessment findings it answers, linked to their items in the assessment.
        public var answers: [LinkView]
        public var programs: [Program]
        public var playbooks: [LinkView]
        public var reports: [Report]
        /// Links to the resources it uses, in the canvas, titled from their ids.
        public var resources: [LinkView]
    }
    public struct Resource: Sendable {
        public var id: String
        /// A title made from the id: "campaign-budget" is "Campaign budget".
        public var title: String
        /// The id of its item in the canvas, for links from the methods.
        public var anchor: String
        public var kind: String?
        public var description: String?
        public var amount: String?
        public var methods: [String]
    }
    public struct Risk: Sendable {
        public var title: String
        public var owner: LinkView?
        public var mitigation: String?
        public var escalation: String?
    }
    public struct Presence: Sendable { public var name: String; public var channel: String?; public var url: String? }
    public struct Gap: Sendable { public var stage: LinkView; public var unmet: [String] }
    public struct Check: Sendable { public var name: String; public var ok: Bool; public var detail: String }

    public var id: String
    public var status: String?
    /// The status in the site's language.
    public var statusText: String?
    public var owner: LinkView?
    public var sponsor: String?
    public var focusAreas: [LinkView]
    public var objectives: [Objective]
    public var assessment: Assessment?
    public var coCreators: [CoCreator]
    /// The "you said, we did" log, newest request first.
    public var exchanges: [ExchangeView]
    public var goal: String?
    public var mission: String?
    public var customerBenefits: [String]
    public var companyBenefits: [String]
    public var methods: [Method]
    public var resources: [Resource]
    public var programs: [Program]
    public var communicationInternal: String?
    public var communicationExternal: String?
    public var presences: [Presence]
    public var supportContent: [LinkView]
    public var currentStage: LinkView?
    /// The highest stage whose criteria, and all before, the strategy meets; nil below the first.
    public var supportedStage: LinkView?
    /// Whether the stage claimed is above the one the evidence supports.
    public var claimsMoreThanSupported: Bool
    /// The stage it is heading for; nil when it is there already.
    public var targetStage: LinkView?
    public var ladder: LadderView
    /// The attestation that the business's planning has taken the strategy in, when there is one.
    public var convergence: AttestationView?
    public var gaps: [Gap]
    /// One line on the way to the target stage, such as "2 criteria to meet to reach Strategic";
    /// nil without a target, or at it.
    public var gapHeadline: String?
    public var matrix: MatrixView
    public var risks: [Risk]
    public var narrative: String?
    public var playbooks: [LinkView]
    public var health: [Check]
    public var isHealthy: Bool
    /// The budgets added up, one line per currency and period ("GBP 335,000 a year").
    public var funding: [String]
    /// What the budgets have spent so far, by currency ("GBP 61,000 by 2026-09-30").
    public var spent: [String]
    /// Every measure, judged or not, in the order of the reporting.
    public var scoreboard: [MeasureView]
    /// How many of them are off track or overdue.
    public var offTrack: Int
    /// "4 measures: 1 off track, 1 at risk, 2 not judged"; nil without measures.
    public var measureCounts: String?
}

/// A measure's progress toward its target: a chart, a sentence for those who cannot see it,
/// and the numbers as a table.
public struct MeasureView: Sendable {
    public struct Row: Sendable {
        /// "Baseline", "Result" or "Target".
        public var kind: String
        public var date: String
        public var value: String
    }
    public var anchor: String
    public var measure: String
    /// The strategy it belongs to, on pages that gather measures of several strategies.
    public var strategy: LinkView?
    /// The objective it belongs to, for an objective's own measure on such pages.
    public var objective: LinkView?
    /// "on track", "at risk", "off track", "overdue", "no recent data", "target reached",
    /// "no results yet" or "not judged".
    public var status: String
    /// "ok", "warn", "error", "stale" or "none", for the badge's colour.
    public var statusClass: String
    /// A sign for the status, so that it does not rest on colour alone.
    public var icon: String
    /// Off track or overdue.
    public var isOffTrack: Bool
    /// Listed on the health page: overdue, off track, at risk, or without recent data.
    public var needsAttention: Bool
    /// "80% by 2027-12-31".
    public var target: String
    /// The chart's text alternative, also its caption.
    public var summary: String
    /// The inline SVG, already escaped.
    public var chart: String
    public var rows: [Row]
}

/// A business objective's page: who serves it, how it is measured, what it costs.
public struct ObjectiveView: Sendable {
    public struct Method: Sendable {
        public var title: String
        public var strategy: LinkView
        public var url: String
    }
    public var id: String
    public var description: String?
    public var owner: LinkView?
    public var strategies: [LinkView]
    public var methods: [Method]
    /// One share of a budget that serves the objective.
    public struct Share: Sendable {
        /// "GBP 20,000 a year".
        public var amount: String
        /// "50%".
        public var share: String
        /// The budget, on its strategy's page.
        public var budget: LinkView
        /// The methods through which it serves the objective.
        public var methods: String
        /// "GBP 12,000 spent by 2026-09-30", the same share of what the budget spent.
        public var spent: String?
    }
    /// The objective's own outcome measures, from the register.
    public var outcomes: [MeasureView]
    /// The measures of the methods that serve it: leading indicators, not the objective's own.
    public var measures: [MeasureView]
    /// Budgets of the methods that serve it, added up per currency and period.
    public var funding: [String]
    /// Budgets written as text, which cannot be added up and are shown as written.
    public var otherFunding: [String]
    /// Each budget's share, with how it was worked out.
    public var allocations: [Share]
    /// What its shares have spent, by currency.
    public var spent: [String]
    /// "GBP 2.50 a question".
    public var worth: String?
    /// Its value to date, with how it was worked out.
    public var value: String?
    /// The return on what was spent, with how it was worked out.
    public var returnOnSpend: String?
    public var isServed: Bool
}

/// The maturity ladder of one strategy: every stage, with its state and criteria.
/// One entry of a "you said, we did" log: what the market asked for and the change that answered it.
public struct ExchangeView: Sendable {
    public var strategy: LinkView
    public var said: String
    /// An external party's page, or the asker in words.
    public var by: LinkView?
    public var byText: String?
    public var on: String?
    /// The day it was asked, in the site's language.
    public var onText: String?
    public var did: String?
    public var doneOn: String?
    /// The day it was answered, in the site's language.
    public var doneOnText: String?
    public var changes: [LinkView]
    public var isOpen: Bool
}

/// The site-wide "you said, we did" log.
public struct ExchangesView: Sendable {
    public var entries: [ExchangeView]
    public var open: Int
    public var answered: Int
    /// How many are answered and open, in words.
    public var countsText: String
}

/// A dated convergence attestation: who said the business's planning has taken a strategy in.
public struct AttestationView: Sendable {
    public var strategy: LinkView
    public var by: LinkView?
    public var date: String?
    public var process: String?
    /// The attestation in a sentence of the site's language, as HTML.
    public var sentence: String
    /// Whether it meets the Converged criterion (by the executive committee, on a day that has come).
    public var counts: Bool
}

public struct LadderView: Sendable {
    public struct Criterion: Sendable { public var summary: String; public var met: Bool }
    public struct Step: Sendable {
        public var stage: LinkView
        /// "reached", "current", "target" or "ahead".
        public var state: String
        public var isCurrent: Bool
        public var isTarget: Bool
        public var criteria: [Criterion]
        public var evidence: [LinkView]
    }
    public var steps: [Step]
}

/// A responsibility matrix: responsibilities down, teams across, one letter per cell.
public struct MatrixView: Sendable {
    /// One letter a team holds for a responsibility, and the strategies that give it.
    public struct Role: Sendable {
        /// "A", "R", "C" or "I".
        public var letter: String
        /// "Accountable", "Responsible", "Consulted" or "Informed".
        public var name: String
        /// The letter as the cell shows it: "A", or "A×4" when four strategies give it.
        public var mark: String
        /// What gives the letter: the strategies, in the organisation's matrix; the
        /// responsibilities, in the home page's table of teams and strategies.
        public var sources: [LinkView]
    }
    public struct Cell: Sendable {
        /// "A", "R", "C", "I", several letters across strategies ("A×4 R"), or "" when empty.
        public var text: String
        /// Class names for colour: "letter-a", "letter-r", …
        public var style: String
        /// A tooltip naming the team, letters and responsibility; nil for an empty cell.
        public var title: String?
        /// The letters held, strongest first.
        public var roles: [Role]
        /// True when the cell is not empty and can name its roles' sources, in a `<details>`.
        public var hasDetail: Bool
    }
    public struct Row: Sendable {
        public var responsibility: LinkView
        public var cells: [Cell]
        /// True when no team is Accountable or Responsible.
        public var isGap: Bool
        public var note: String?
    }
    public struct Column: Sendable {
        public var team: LinkView
        public var accountable: Int
        public var responsible: Int
        public var isOverloaded: Bool
    }
    public var columns: [Column]
    public var rows: [Row]
    /// True for the organisation's matrix, which adds up every strategy: a mark such as "A×4" counts strategies.
    public var spansStrategies: Bool
    public var isEmpty: Bool { rows.isEmpty }
}

/// A team's page.
public struct TeamView: Sendable {
    public struct Role: Sendable {
        public var strategy: LinkView
        public var responsibility: LinkView
        public var letter: String
        /// The letter as the site's language writes it.
        public var letterText: String
    }
    public struct Member: Sendable {
        public var name: String?
        public var role: String?
        /// ", " between a name and a role, when there are both.
        public var separator: String?
    }
    public var id: String
    public var kind: String?
    /// Whether it is a party outside the organisation, kept in `parties/`.
    public var isExternal: Bool
    /// An external party's web address and the part of the market it speaks for.
    public var url: String?
    public var segment: String?
    /// The programs it runs, in every strategy.
    public var programs: [LinkView]
    public var mission: String?
    public var lead: String?
    public var members: [Member]
    public var contact: String?
    public var reviewHandle: String?
    public var roles: [Role]
    public var strategies: [LinkView]
    public var ownedStrategies: [LinkView]
    public var playbooks: [LinkView]
    public var accountableCount: Int
    public var responsibleCount: Int
}

/// A stage's page.
public struct StageView: Sendable {
    public var number: Int
    public var summary: String
    public var description: String?
    public var criteria: [String]
    public var current: [LinkView]
    public var targeting: [LinkView]
    public var playbooks: [LinkView]
    public var previous: LinkView?
    public var next: LinkView?
}

/// A responsibility's page.
public struct ResponsibilityView: Sendable {
    public struct Assignment: Sendable {
        public var strategy: LinkView
        public var accountable: [LinkView]
        public var responsible: [LinkView]
        public var consulted: [LinkView]
        public var informed: [LinkView]
    }
    public var summary: String
    public var assignments: [Assignment]
    public var playbooks: [LinkView]
    public var isUncovered: Bool
}

/// The maturity overview: the stages as columns, each strategy at its current stage.
public struct MaturityOverviewView: Sendable {
    public struct Marker: Sendable {
        public var strategy: LinkView
        /// The target stage's name when the strategy is heading further.
        public var target: String?
    }
    public struct Column: Sendable {
        public var stage: LinkView
        public var summary: String
        public var strategies: [Marker]
        public var targets: [LinkView]
    }
    public var columns: [Column]
}

/// The organisation as a whole: the stage it stands at, how its strategies spread over the
/// stages, and which business areas take part in which focus areas.
public struct OrganisationView: Sendable {
    public struct Stage: Sendable {
        public var stage: LinkView
        /// Strategies whose `maturity.current` is this stage.
        public var claimed: [LinkView]
        /// Strategies whose evidence supports this stage as their highest.
        public var supported: [LinkView]
        /// The shares of all strategies, as percentages in the site's language ("25%").
        public var claimedShare: String
        public var supportedShare: String
        public var isOrganisationStage: Bool
    }
    public struct Cell: Sendable {
        public var focusArea: String
        public var strategies: [LinkView]
        /// 0 for an empty cell, up to 3 for the fullest, for the shading.
        public var level: Int
    }
    public struct Row: Sendable {
        public var anchor: String
        public var area: String
        public var summary: String?
        public var teams: [LinkView]
        public var cells: [Cell]
    }
    /// The stage the organisation stands at, by the rule below; nil when no strategy counts.
    public var stage: LinkView?
    /// The strategies that hold it there: those whose evidence supports no more.
    public var heldBy: [LinkView]
    /// How many strategies the rule counts (every strategy that is not a draft).
    public var counted: Int
    /// The same in words: "4 strategies", "1 strategy".
    public var countedText: String
    public var drafts: Int
    public var stages: [Stage]
    public var focusAreas: [LinkView]
    public var rows: [Row]
    /// Whether charter.yaml declares the business areas the rows come from.
    public var areasDeclared: Bool
    /// Teams that name no area, or an undeclared one.
    public var teamsWithoutArea: [LinkView]
    /// Every strategy's convergence attestation, newest first.
    public var attestations: [AttestationView]
    /// The parties outside the organisation that take part, with what they do.
    public var parties: [LinkView]
}

/// A page that lists model values in sections (focus areas, program kinds, tags).
public struct ListingView: Sendable {
    public struct Section: Sendable {
        public var anchor: String
        public var title: String
        public var summary: String?
        public var items: [LinkView]
    }
    public var sections: [Section]
}

/// Every warning and gap of the site, grouped by strategy.
public struct HealthView: Sendable {
    public struct Item: Sendable {
        public var severity: String
        /// The severity in the site's language.
        public var severityText: String
        public var code: String
        public var message: String
        /// What the code means, in the site's language, when that is not English.
        public var summary: String?
        /// "en" when the page is in another language: the message itself is Charter's English, as in the terminal.
        public var messageLanguage: String?
        public var location: String
    }
    public struct Group: Sendable {
        public var title: String
        public var link: LinkView?
        public var items: [Item]
    }
    /// One strategy against the three reasons strategies fail.
    public struct Standing: Sendable {
        public var strategy: LinkView
        /// "draft" for a strategy still being written, whose health findings are notes; nil otherwise.
        public var draft: String?
        public var checks: [StrategyView.Check]
    }
    /// Every strategy, in order, with its three health checks.
    public var standings: [Standing]
    public var groups: [Group]
    public var isClean: Bool
    /// Every measure off track or overdue, across strategies.
    public var offTrack: [MeasureView]
    /// Every measure that needs somebody to act: overdue, off track, at risk or without recent data.
    public var attention: [MeasureView]
}

/// The home page's overview of the organisation.
public struct HomeView: Sendable {
    /// The organisation as a whole, in one line.
    public struct Organisation: Sendable {
        public var stage: LinkView?
        /// "4 strategies", "1 strategy": those the organisation's stage counts.
        public var counted: String
        /// Each stage that strategies claim, with how many claim it as its detail.
        public var spread: [LinkView]
        /// The strategies attested as converged, with the attestation's date as detail.
        public var attested: [LinkView]
        public var url: String
    }
    public struct Row: Sendable {
        public var strategy: LinkView
        public var focusAreas: [LinkView]
        public var current: LinkView?
        public var target: LinkView?
        public var owner: LinkView?
        public var health: [StrategyView.Check]
        public var isHealthy: Bool
        /// "1 of 3 measures off track", linking to the strategy's scoreboard; nil when none is.
        public var offTrack: LinkView?
        /// "4 measures: 1 off track, 1 at risk, 2 not judged", linking to the scoreboard; nil without measures.
        public var measures: LinkView?
        /// The badge class of the measures' worst status.
        public var measuresClass: String
    }
    public var strategies: [Row]
    public var hasStrategies: Bool
    public var organisation: Organisation?
    public var errors: Int
    public var warnings: Int
    public var stalePages: Int
    /// The counts of errors, warnings and pages due, in words.
    public var problemsText: String
    public var hasProblems: Bool
    public var healthURL: String
    /// A relative URL of the organisation's responsibility matrix.
    public var matrixURL: String
    /// Which teams work on which strategies: teams down, strategies across; nil without either.
    public var involvement: Involvement?

    /// A team's row: in each strategy, its letters ("A×2 R" is Accountable for two
    /// responsibilities and Responsible for one).
    public struct TeamRow: Sendable {
        public var team: LinkView
        public var cells: [MatrixView.Cell]
    }
    public struct Involvement: Sendable {
        public var strategies: [LinkView]
        public var rows: [TeamRow]
    }
}

// The views templates read (TemplateView). Each one's fingerprint comes from its synthesized
// Encodable conformance, which must be declared in this file; each one's lookup switches over
// its synthesized CodingKeys, so the compiler refuses a field that templates cannot read.
extension StrategyView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .status: self.status
        case .statusText: self.statusText
        case .owner: self.owner
        case .sponsor: self.sponsor
        case .focusAreas: self.focusAreas
        case .objectives: self.objectives
        case .assessment: self.assessment
        case .coCreators: self.coCreators
        case .exchanges: self.exchanges
        case .goal: self.goal
        case .mission: self.mission
        case .customerBenefits: self.customerBenefits
        case .companyBenefits: self.companyBenefits
        case .methods: self.methods
        case .resources: self.resources
        case .programs: self.programs
        case .communicationInternal: self.communicationInternal
        case .communicationExternal: self.communicationExternal
        case .presences: self.presences
        case .supportContent: self.supportContent
        case .currentStage: self.currentStage
        case .supportedStage: self.supportedStage
        case .claimsMoreThanSupported: self.claimsMoreThanSupported
        case .targetStage: self.targetStage
        case .ladder: self.ladder
        case .convergence: self.convergence
        case .gaps: self.gaps
        case .gapHeadline: self.gapHeadline
        case .matrix: self.matrix
        case .risks: self.risks
        case .narrative: self.narrative
        case .playbooks: self.playbooks
        case .health: self.health
        case .isHealthy: self.isHealthy
        case .funding: self.funding
        case .spent: self.spent
        case .scoreboard: self.scoreboard
        case .offTrack: self.offTrack
        case .measureCounts: self.measureCounts
        case nil: nil
        }
    }
}

extension StrategyView.Objective: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .text: self.text
        case .link: self.link
        case .detail: self.detail
        case nil: nil
        }
    }
}

extension StrategyView.Finding: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .text: self.text
        case .kind: self.kind
        case .answeredBy: self.answeredBy
        case nil: nil
        }
    }
}

extension StrategyView.Assessment: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .assessedOn: self.assessedOn
        case .assessedOnText: self.assessedOnText
        case .staleNote: self.staleNote
        case .brand: self.brand
        case .sentiment: self.sentiment
        case .needs: self.needs
        case .frustrations: self.frustrations
        case .excitements: self.excitements
        case .partners: self.partners
        case .competition: self.competition
        case .competitionBrand: self.competitionBrand
        case .competitionCustomers: self.competitionCustomers
        case .competitionPartners: self.competitionPartners
        case .sources: self.sources
        case nil: nil
        }
    }
}

extension StrategyView.CoCreator: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: self.name
        case .kind: self.kind
        case .party: self.party
        case .segment: self.segment
        case .period: self.period
        case .shaped: self.shaped
        case .contribution: self.contribution
        case .signOff: self.signOff
        case .signedOff: self.signedOff
        case nil: nil
        }
    }
}

extension ExchangeView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .said: self.said
        case .by: self.by
        case .byText: self.byText
        case .on: self.on
        case .onText: self.onText
        case .did: self.did
        case .doneOn: self.doneOn
        case .doneOnText: self.doneOnText
        case .changes: self.changes
        case .isOpen: self.isOpen
        case nil: nil
        }
    }
}

extension ExchangesView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .entries: self.entries
        case .open: self.open
        case .answered: self.answered
        case .countsText: self.countsText
        case nil: nil
        }
    }
}

extension StrategyView.Report: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .success: self.success
        case .measure: self.measure
        case .target: self.target
        case .tool: self.tool
        case .progress: self.progress
        case nil: nil
        }
    }
}

extension StrategyView.Program: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .title: self.title
        case .kinds: self.kinds
        case .owner: self.owner
        case .runByMarket: self.runByMarket
        case .method: self.method
        case .community: self.community
        case .description: self.description
        case nil: nil
        }
    }
}

extension StrategyView.Method: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .title: self.title
        case .description: self.description
        case .objectives: self.objectives
        case .answers: self.answers
        case .programs: self.programs
        case .playbooks: self.playbooks
        case .reports: self.reports
        case .resources: self.resources
        case nil: nil
        }
    }
}

extension StrategyView.Resource: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .title: self.title
        case .anchor: self.anchor
        case .kind: self.kind
        case .description: self.description
        case .amount: self.amount
        case .methods: self.methods
        case nil: nil
        }
    }
}

extension StrategyView.Risk: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .owner: self.owner
        case .mitigation: self.mitigation
        case .escalation: self.escalation
        case nil: nil
        }
    }
}

extension StrategyView.Presence: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: self.name
        case .channel: self.channel
        case .url: self.url
        case nil: nil
        }
    }
}

extension StrategyView.Gap: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .unmet: self.unmet
        case nil: nil
        }
    }
}

extension StrategyView.Check: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: self.name
        case .ok: self.ok
        case .detail: self.detail
        case nil: nil
        }
    }
}

extension MeasureView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .measure: self.measure
        case .strategy: self.strategy
        case .objective: self.objective
        case .status: self.status
        case .statusClass: self.statusClass
        case .icon: self.icon
        case .isOffTrack: self.isOffTrack
        case .needsAttention: self.needsAttention
        case .target: self.target
        case .summary: self.summary
        case .chart: self.chart
        case .rows: self.rows
        case nil: nil
        }
    }
}

extension MeasureView.Row: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .kind: self.kind
        case .date: self.date
        case .value: self.value
        case nil: nil
        }
    }
}

extension ObjectiveView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .description: self.description
        case .owner: self.owner
        case .strategies: self.strategies
        case .methods: self.methods
        case .outcomes: self.outcomes
        case .measures: self.measures
        case .funding: self.funding
        case .otherFunding: self.otherFunding
        case .allocations: self.allocations
        case .spent: self.spent
        case .worth: self.worth
        case .value: self.value
        case .returnOnSpend: self.returnOnSpend
        case .isServed: self.isServed
        case nil: nil
        }
    }
}

extension ObjectiveView.Share: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .amount: self.amount
        case .share: self.share
        case .budget: self.budget
        case .methods: self.methods
        case .spent: self.spent
        case nil: nil
        }
    }
}

extension ObjectiveView.Method: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .strategy: self.strategy
        case .url: self.url
        case nil: nil
        }
    }
}

extension LadderView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .steps: self.steps
        case nil: nil
        }
    }
}

extension LadderView.Criterion: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .summary: self.summary
        case .met: self.met
        case nil: nil
        }
    }
}

extension LadderView.Step: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .state: self.state
        case .isCurrent: self.isCurrent
        case .isTarget: self.isTarget
        case .criteria: self.criteria
        case .evidence: self.evidence
        case nil: nil
        }
    }
}

extension MatrixView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .columns: self.columns
        case .rows: self.rows
        case .spansStrategies: self.spansStrategies
        case nil: nil
        }
    }
}

extension MatrixView.Role: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .letter: self.letter
        case .name: self.name
        case .mark: self.mark
        case .sources: self.sources
        case nil: nil
        }
    }
}

extension MatrixView.Cell: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .text: self.text
        case .style: self.style
        case .title: self.title
        case .roles: self.roles
        case .hasDetail: self.hasDetail
        case nil: nil
        }
    }
}

extension MatrixView.Row: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .responsibility: self.responsibility
        case .cells: self.cells
        case .isGap: self.isGap
        case .note: self.note
        case nil: nil
        }
    }
}

extension MatrixView.Column: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .team: self.team
        case .accountable: self.accountable
        case .responsible: self.responsible
        case .isOverloaded: self.isOverloaded
        case nil: nil
        }
    }
}

extension TeamView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: self.id
        case .kind: self.kind
        case .isExternal: self.isExternal
        case .url: self.url
        case .segment: self.segment
        case .programs: self.programs
        case .mission: self.mission
        case .lead: self.lead
        case .members: self.members
        case .contact: self.contact
        case .reviewHandle: self.reviewHandle
        case .roles: self.roles
        case .strategies: self.strategies
        case .ownedStrategies: self.ownedStrategies
        case .playbooks: self.playbooks
        case .accountableCount: self.accountableCount
        case .responsibleCount: self.responsibleCount
        case nil: nil
        }
    }
}

extension TeamView.Role: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .responsibility: self.responsibility
        case .letter: self.letter
        case .letterText: self.letterText
        case nil: nil
        }
    }
}

extension TeamView.Member: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: self.name
        case .role: self.role
        case .separator: self.separator
        case nil: nil
        }
    }
}

extension StageView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .number: self.number
        case .summary: self.summary
        case .description: self.description
        case .criteria: self.criteria
        case .current: self.current
        case .targeting: self.targeting
        case .playbooks: self.playbooks
        case .previous: self.previous
        case .next: self.next
        case nil: nil
        }
    }
}

extension ResponsibilityView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .summary: self.summary
        case .assignments: self.assignments
        case .playbooks: self.playbooks
        case .isUncovered: self.isUncovered
        case nil: nil
        }
    }
}

extension ResponsibilityView.Assignment: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .accountable: self.accountable
        case .responsible: self.responsible
        case .consulted: self.consulted
        case .informed: self.informed
        case nil: nil
        }
    }
}

extension MaturityOverviewView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .columns: self.columns
        case nil: nil
        }
    }
}

extension MaturityOverviewView.Marker: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .target: self.target
        case nil: nil
        }
    }
}

extension MaturityOverviewView.Column: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .summary: self.summary
        case .strategies: self.strategies
        case .targets: self.targets
        case nil: nil
        }
    }
}

extension OrganisationView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .heldBy: self.heldBy
        case .counted: self.counted
        case .countedText: self.countedText
        case .drafts: self.drafts
        case .stages: self.stages
        case .focusAreas: self.focusAreas
        case .rows: self.rows
        case .areasDeclared: self.areasDeclared
        case .teamsWithoutArea: self.teamsWithoutArea
        case .attestations: self.attestations
        case .parties: self.parties
        case nil: nil
        }
    }
}

extension AttestationView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .by: self.by
        case .date: self.date
        case .process: self.process
        case .sentence: self.sentence
        case .counts: self.counts
        case nil: nil
        }
    }
}

extension OrganisationView.Stage: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .claimed: self.claimed
        case .supported: self.supported
        case .claimedShare: self.claimedShare
        case .supportedShare: self.supportedShare
        case .isOrganisationStage: self.isOrganisationStage
        case nil: nil
        }
    }
}

extension OrganisationView.Cell: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .focusArea: self.focusArea
        case .strategies: self.strategies
        case .level: self.level
        case nil: nil
        }
    }
}

extension OrganisationView.Row: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .area: self.area
        case .summary: self.summary
        case .teams: self.teams
        case .cells: self.cells
        case nil: nil
        }
    }
}

extension ListingView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .sections: self.sections
        case nil: nil
        }
    }
}

extension ListingView.Section: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .title: self.title
        case .summary: self.summary
        case .items: self.items
        case nil: nil
        }
    }
}

extension HealthView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .standings: self.standings
        case .groups: self.groups
        case .isClean: self.isClean
        case .offTrack: self.offTrack
        case .attention: self.attention
        case nil: nil
        }
    }
}

extension HealthView.Item: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .severity: self.severity
        case .severityText: self.severityText
        case .code: self.code
        case .message: self.message
        case .summary: self.summary
        case .messageLanguage: self.messageLanguage
        case .location: self.location
        case nil: nil
        }
    }
}

extension HealthView.Group: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .link: self.link
        case .items: self.items
        case nil: nil
        }
    }
}

extension HealthView.Standing: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .draft: self.draft
        case .checks: self.checks
        case nil: nil
        }
    }
}

extension HomeView.Organisation: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .stage: self.stage
        case .counted: self.counted
        case .spread: self.spread
        case .attested: self.attested
        case .url: self.url
        case nil: nil
        }
    }
}

extension HomeView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategies: self.strategies
        case .hasStrategies: self.hasStrategies
        case .organisation: self.organisation
        case .errors: self.errors
        case .warnings: self.warnings
        case .stalePages: self.stalePages
        case .problemsText: self.problemsText
        case .hasProblems: self.hasProblems
        case .healthURL: self.healthURL
        case .matrixURL: self.matrixURL
        case .involvement: self.involvement
        case nil: nil
        }
    }
}

extension HomeView.Row: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategy: self.strategy
        case .focusAreas: self.focusAreas
        case .current: self.current
        case .target: self.target
        case .owner: self.owner
        case .health: self.health
        case .isHealthy: self.isHealthy
        case .offTrack: self.offTrack
        case .measures: self.measures
        case .measuresClass: self.measuresClass
        case nil: nil
        }
    }
}

extension HomeView.TeamRow: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .team: self.team
        case .cells: self.cells
        case nil: nil
        }
    }
}

extension HomeView.Involvement: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .strategies: self.strategies
        case .rows: self.rows
        case nil: nil
        }
    }
}
