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
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .status: .at(self.status, rest)
        case .statusText: .at(self.statusText, rest)
        case .owner: .at(self.owner, rest)
        case .sponsor: .at(self.sponsor, rest)
        case .focusAreas: .at(self.focusAreas, rest)
        case .objectives: .at(self.objectives, rest)
        case .assessment: .at(self.assessment, rest)
        case .coCreators: .at(self.coCreators, rest)
        case .exchanges: .at(self.exchanges, rest)
        case .goal: .at(self.goal, rest)
        case .mission: .at(self.mission, rest)
        case .customerBenefits: .at(self.customerBenefits, rest)
        case .companyBenefits: .at(self.companyBenefits, rest)
        case .methods: .at(self.methods, rest)
        case .resources: .at(self.resources, rest)
        case .programs: .at(self.programs, rest)
        case .communicationInternal: .at(self.communicationInternal, rest)
        case .communicationExternal: .at(self.communicationExternal, rest)
        case .presences: .at(self.presences, rest)
        case .supportContent: .at(self.supportContent, rest)
        case .currentStage: .at(self.currentStage, rest)
        case .supportedStage: .at(self.supportedStage, rest)
        case .claimsMoreThanSupported: .at(self.claimsMoreThanSupported, rest)
        case .targetStage: .at(self.targetStage, rest)
        case .ladder: .at(self.ladder, rest)
        case .convergence: .at(self.convergence, rest)
        case .gaps: .at(self.gaps, rest)
        case .gapHeadline: .at(self.gapHeadline, rest)
        case .matrix: .at(self.matrix, rest)
        case .risks: .at(self.risks, rest)
        case .narrative: .at(self.narrative, rest)
        case .playbooks: .at(self.playbooks, rest)
        case .health: .at(self.health, rest)
        case .isHealthy: .at(self.isHealthy, rest)
        case .funding: .at(self.funding, rest)
        case .spent: .at(self.spent, rest)
        case .scoreboard: .at(self.scoreboard, rest)
        case .offTrack: .at(self.offTrack, rest)
        case .measureCounts: .at(self.measureCounts, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Objective: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .text: .at(self.text, rest)
        case .link: .at(self.link, rest)
        case .detail: .at(self.detail, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Finding: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .text: .at(self.text, rest)
        case .kind: .at(self.kind, rest)
        case .answeredBy: .at(self.answeredBy, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Assessment: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .assessedOn: .at(self.assessedOn, rest)
        case .assessedOnText: .at(self.assessedOnText, rest)
        case .staleNote: .at(self.staleNote, rest)
        case .brand: .at(self.brand, rest)
        case .sentiment: .at(self.sentiment, rest)
        case .needs: .at(self.needs, rest)
        case .frustrations: .at(self.frustrations, rest)
        case .excitements: .at(self.excitements, rest)
        case .partners: .at(self.partners, rest)
        case .competition: .at(self.competition, rest)
        case .competitionBrand: .at(self.competitionBrand, rest)
        case .competitionCustomers: .at(self.competitionCustomers, rest)
        case .competitionPartners: .at(self.competitionPartners, rest)
        case .sources: .at(self.sources, rest)
        case nil: nil
        }
    }
}

extension StrategyView.CoCreator: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .name: .at(self.name, rest)
        case .kind: .at(self.kind, rest)
        case .party: .at(self.party, rest)
        case .segment: .at(self.segment, rest)
        case .period: .at(self.period, rest)
        case .shaped: .at(self.shaped, rest)
        case .contribution: .at(self.contribution, rest)
        case .signOff: .at(self.signOff, rest)
        case .signedOff: .at(self.signedOff, rest)
        case nil: nil
        }
    }
}

extension ExchangeView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .said: .at(self.said, rest)
        case .by: .at(self.by, rest)
        case .byText: .at(self.byText, rest)
        case .on: .at(self.on, rest)
        case .onText: .at(self.onText, rest)
        case .did: .at(self.did, rest)
        case .doneOn: .at(self.doneOn, rest)
        case .doneOnText: .at(self.doneOnText, rest)
        case .changes: .at(self.changes, rest)
        case .isOpen: .at(self.isOpen, rest)
        case nil: nil
        }
    }
}

extension ExchangesView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .entries: .at(self.entries, rest)
        case .open: .at(self.open, rest)
        case .answered: .at(self.answered, rest)
        case .countsText: .at(self.countsText, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Report: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .success: .at(self.success, rest)
        case .measure: .at(self.measure, rest)
        case .target: .at(self.target, rest)
        case .tool: .at(self.tool, rest)
        case .progress: .at(self.progress, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Program: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .title: .at(self.title, rest)
        case .kinds: .at(self.kinds, rest)
        case .owner: .at(self.owner, rest)
        case .runByMarket: .at(self.runByMarket, rest)
        case .method: .at(self.method, rest)
        case .community: .at(self.community, rest)
        case .description: .at(self.description, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Method: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .title: .at(self.title, rest)
        case .description: .at(self.description, rest)
        case .objectives: .at(self.objectives, rest)
        case .answers: .at(self.answers, rest)
        case .programs: .at(self.programs, rest)
        case .playbooks: .at(self.playbooks, rest)
        case .reports: .at(self.reports, rest)
        case .resources: .at(self.resources, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Resource: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .title: .at(self.title, rest)
        case .anchor: .at(self.anchor, rest)
        case .kind: .at(self.kind, rest)
        case .description: .at(self.description, rest)
        case .amount: .at(self.amount, rest)
        case .methods: .at(self.methods, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Risk: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .owner: .at(self.owner, rest)
        case .mitigation: .at(self.mitigation, rest)
        case .escalation: .at(self.escalation, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Presence: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .name: .at(self.name, rest)
        case .channel: .at(self.channel, rest)
        case .url: .at(self.url, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Gap: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .unmet: .at(self.unmet, rest)
        case nil: nil
        }
    }
}

extension StrategyView.Check: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .name: .at(self.name, rest)
        case .ok: .at(self.ok, rest)
        case .detail: .at(self.detail, rest)
        case nil: nil
        }
    }
}

extension MeasureView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .measure: .at(self.measure, rest)
        case .strategy: .at(self.strategy, rest)
        case .objective: .at(self.objective, rest)
        case .status: .at(self.status, rest)
        case .statusClass: .at(self.statusClass, rest)
        case .icon: .at(self.icon, rest)
        case .isOffTrack: .at(self.isOffTrack, rest)
        case .needsAttention: .at(self.needsAttention, rest)
        case .target: .at(self.target, rest)
        case .summary: .at(self.summary, rest)
        case .chart: .at(self.chart, rest)
        case .rows: .at(self.rows, rest)
        case nil: nil
        }
    }
}

extension MeasureView.Row: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .kind: .at(self.kind, rest)
        case .date: .at(self.date, rest)
        case .value: .at(self.value, rest)
        case nil: nil
        }
    }
}

extension ObjectiveView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .description: .at(self.description, rest)
        case .owner: .at(self.owner, rest)
        case .strategies: .at(self.strategies, rest)
        case .methods: .at(self.methods, rest)
        case .outcomes: .at(self.outcomes, rest)
        case .measures: .at(self.measures, rest)
        case .funding: .at(self.funding, rest)
        case .otherFunding: .at(self.otherFunding, rest)
        case .allocations: .at(self.allocations, rest)
        case .spent: .at(self.spent, rest)
        case .worth: .at(self.worth, rest)
        case .value: .at(self.value, rest)
        case .returnOnSpend: .at(self.returnOnSpend, rest)
        case .isServed: .at(self.isServed, rest)
        case nil: nil
        }
    }
}

extension ObjectiveView.Share: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .amount: .at(self.amount, rest)
        case .share: .at(self.share, rest)
        case .budget: .at(self.budget, rest)
        case .methods: .at(self.methods, rest)
        case .spent: .at(self.spent, rest)
        case nil: nil
        }
    }
}

extension ObjectiveView.Method: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .strategy: .at(self.strategy, rest)
        case .url: .at(self.url, rest)
        case nil: nil
        }
    }
}

extension LadderView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .steps: .at(self.steps, rest)
        case nil: nil
        }
    }
}

extension LadderView.Criterion: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .summary: .at(self.summary, rest)
        case .met: .at(self.met, rest)
        case nil: nil
        }
    }
}

extension LadderView.Step: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .state: .at(self.state, rest)
        case .isCurrent: .at(self.isCurrent, rest)
        case .isTarget: .at(self.isTarget, rest)
        case .criteria: .at(self.criteria, rest)
        case .evidence: .at(self.evidence, rest)
        case nil: nil
        }
    }
}

extension MatrixView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .columns: .at(self.columns, rest)
        case .rows: .at(self.rows, rest)
        case .spansStrategies: .at(self.spansStrategies, rest)
        case nil: nil
        }
    }
}

extension MatrixView.Role: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .letter: .at(self.letter, rest)
        case .name: .at(self.name, rest)
        case .mark: .at(self.mark, rest)
        case .sources: .at(self.sources, rest)
        case nil: nil
        }
    }
}

extension MatrixView.Cell: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .text: .at(self.text, rest)
        case .style: .at(self.style, rest)
        case .title: .at(self.title, rest)
        case .roles: .at(self.roles, rest)
        case .hasDetail: .at(self.hasDetail, rest)
        case nil: nil
        }
    }
}

extension MatrixView.Row: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .responsibility: .at(self.responsibility, rest)
        case .cells: .at(self.cells, rest)
        case .isGap: .at(self.isGap, rest)
        case .note: .at(self.note, rest)
        case nil: nil
        }
    }
}

extension MatrixView.Column: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .team: .at(self.team, rest)
        case .accountable: .at(self.accountable, rest)
        case .responsible: .at(self.responsible, rest)
        case .isOverloaded: .at(self.isOverloaded, rest)
        case nil: nil
        }
    }
}

extension TeamView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .id: .at(self.id, rest)
        case .kind: .at(self.kind, rest)
        case .isExternal: .at(self.isExternal, rest)
        case .url: .at(self.url, rest)
        case .segment: .at(self.segment, rest)
        case .programs: .at(self.programs, rest)
        case .mission: .at(self.mission, rest)
        case .lead: .at(self.lead, rest)
        case .members: .at(self.members, rest)
        case .contact: .at(self.contact, rest)
        case .reviewHandle: .at(self.reviewHandle, rest)
        case .roles: .at(self.roles, rest)
        case .strategies: .at(self.strategies, rest)
        case .ownedStrategies: .at(self.ownedStrategies, rest)
        case .playbooks: .at(self.playbooks, rest)
        case .accountableCount: .at(self.accountableCount, rest)
        case .responsibleCount: .at(self.responsibleCount, rest)
        case nil: nil
        }
    }
}

extension TeamView.Role: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .responsibility: .at(self.responsibility, rest)
        case .letter: .at(self.letter, rest)
        case .letterText: .at(self.letterText, rest)
        case nil: nil
        }
    }
}

extension TeamView.Member: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .name: .at(self.name, rest)
        case .role: .at(self.role, rest)
        case .separator: .at(self.separator, rest)
        case nil: nil
        }
    }
}

extension StageView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .number: .at(self.number, rest)
        case .summary: .at(self.summary, rest)
        case .description: .at(self.description, rest)
        case .criteria: .at(self.criteria, rest)
        case .current: .at(self.current, rest)
        case .targeting: .at(self.targeting, rest)
        case .playbooks: .at(self.playbooks, rest)
        case .previous: .at(self.previous, rest)
        case .next: .at(self.next, rest)
        case nil: nil
        }
    }
}

extension ResponsibilityView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .summary: .at(self.summary, rest)
        case .assignments: .at(self.assignments, rest)
        case .playbooks: .at(self.playbooks, rest)
        case .isUncovered: .at(self.isUncovered, rest)
        case nil: nil
        }
    }
}

extension ResponsibilityView.Assignment: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .accountable: .at(self.accountable, rest)
        case .responsible: .at(self.responsible, rest)
        case .consulted: .at(self.consulted, rest)
        case .informed: .at(self.informed, rest)
        case nil: nil
        }
    }
}

extension MaturityOverviewView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .columns: .at(self.columns, rest)
        case nil: nil
        }
    }
}

extension MaturityOverviewView.Marker: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .target: .at(self.target, rest)
        case nil: nil
        }
    }
}

extension MaturityOverviewView.Column: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .summary: .at(self.summary, rest)
        case .strategies: .at(self.strategies, rest)
        case .targets: .at(self.targets, rest)
        case nil: nil
        }
    }
}

extension OrganisationView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .heldBy: .at(self.heldBy, rest)
        case .counted: .at(self.counted, rest)
        case .countedText: .at(self.countedText, rest)
        case .drafts: .at(self.drafts, rest)
        case .stages: .at(self.stages, rest)
        case .focusAreas: .at(self.focusAreas, rest)
        case .rows: .at(self.rows, rest)
        case .areasDeclared: .at(self.areasDeclared, rest)
        case .teamsWithoutArea: .at(self.teamsWithoutArea, rest)
        case .attestations: .at(self.attestations, rest)
        case .parties: .at(self.parties, rest)
        case nil: nil
        }
    }
}

extension AttestationView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .by: .at(self.by, rest)
        case .date: .at(self.date, rest)
        case .process: .at(self.process, rest)
        case .sentence: .at(self.sentence, rest)
        case .counts: .at(self.counts, rest)
        case nil: nil
        }
    }
}

extension OrganisationView.Stage: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .claimed: .at(self.claimed, rest)
        case .supported: .at(self.supported, rest)
        case .claimedShare: .at(self.claimedShare, rest)
        case .supportedShare: .at(self.supportedShare, rest)
        case .isOrganisationStage: .at(self.isOrganisationStage, rest)
        case nil: nil
        }
    }
}

extension OrganisationView.Cell: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .focusArea: .at(self.focusArea, rest)
        case .strategies: .at(self.strategies, rest)
        case .level: .at(self.level, rest)
        case nil: nil
        }
    }
}

extension OrganisationView.Row: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .area: .at(self.area, rest)
        case .summary: .at(self.summary, rest)
        case .teams: .at(self.teams, rest)
        case .cells: .at(self.cells, rest)
        case nil: nil
        }
    }
}

extension ListingView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .sections: .at(self.sections, rest)
        case nil: nil
        }
    }
}

extension ListingView.Section: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .title: .at(self.title, rest)
        case .summary: .at(self.summary, rest)
        case .items: .at(self.items, rest)
        case nil: nil
        }
    }
}

extension HealthView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .standings: .at(self.standings, rest)
        case .groups: .at(self.groups, rest)
        case .isClean: .at(self.isClean, rest)
        case .offTrack: .at(self.offTrack, rest)
        case .attention: .at(self.attention, rest)
        case nil: nil
        }
    }
}

extension HealthView.Item: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .severity: .at(self.severity, rest)
        case .severityText: .at(self.severityText, rest)
        case .code: .at(self.code, rest)
        case .message: .at(self.message, rest)
        case .summary: .at(self.summary, rest)
        case .messageLanguage: .at(self.messageLanguage, rest)
        case .location: .at(self.location, rest)
        case nil: nil
        }
    }
}

extension HealthView.Group: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .link: .at(self.link, rest)
        case .items: .at(self.items, rest)
        case nil: nil
        }
    }
}

extension HealthView.Standing: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .draft: .at(self.draft, rest)
        case .checks: .at(self.checks, rest)
        case nil: nil
        }
    }
}

extension HomeView.Organisation: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .stage: .at(self.stage, rest)
        case .counted: .at(self.counted, rest)
        case .spread: .at(self.spread, rest)
        case .attested: .at(self.attested, rest)
        case .url: .at(self.url, rest)
        case nil: nil
        }
    }
}

extension HomeView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategies: .at(self.strategies, rest)
        case .hasStrategies: .at(self.hasStrategies, rest)
        case .organisation: .at(self.organisation, rest)
        case .errors: .at(self.errors, rest)
        case .warnings: .at(self.warnings, rest)
        case .stalePages: .at(self.stalePages, rest)
        case .problemsText: .at(self.problemsText, rest)
        case .hasProblems: .at(self.hasProblems, rest)
        case .healthURL: .at(self.healthURL, rest)
        case .matrixURL: .at(self.matrixURL, rest)
        case .involvement: .at(self.involvement, rest)
        case nil: nil
        }
    }
}

extension HomeView.Row: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategy: .at(self.strategy, rest)
        case .focusAreas: .at(self.focusAreas, rest)
        case .current: .at(self.current, rest)
        case .target: .at(self.target, rest)
        case .owner: .at(self.owner, rest)
        case .health: .at(self.health, rest)
        case .isHealthy: .at(self.isHealthy, rest)
        case .offTrack: .at(self.offTrack, rest)
        case .measures: .at(self.measures, rest)
        case .measuresClass: .at(self.measuresClass, rest)
        case nil: nil
        }
    }
}

extension HomeView.TeamRow: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .team: .at(self.team, rest)
        case .cells: .at(self.cells, rest)
        case nil: nil
        }
    }
}

extension HomeView.Involvement: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .strategies: .at(self.strategies, rest)
        case .rows: .at(self.rows, rest)
        case nil: nil
        }
    }
}
