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
    public struct CoCreator: Sendable { public var name: String; public var kind: String? }
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
    public var owner: LinkView?
    public var sponsor: String?
    public var focusAreas: [LinkView]
    public var objectives: [Objective]
    public var assessment: Assessment?
    public var coCreators: [CoCreator]
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
    /// Every measure tracked against a target with a date.
    public var scoreboard: [MeasureView]
    /// How many of them are off track.
    public var offTrack: Int
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
    /// "on track", "off track", "target reached" or "no results yet".
    public var status: String
    /// "ok", "warn" or "none", for the badge.
    public var statusClass: String
    public var isOffTrack: Bool
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
    public var measures: [MeasureView]
    /// Budgets of the methods that serve it, added up per currency and period.
    public var funding: [String]
    /// Budgets written as text, which cannot be added up and are shown as written.
    public var otherFunding: [String]
    public var isServed: Bool
}

/// The maturity ladder of one strategy: every stage, with its state and criteria.
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
    }
    public struct Member: Sendable {
        public var name: String?
        public var role: String?
        /// ", " between a name and a role, when there are both.
        public var separator: String?
    }
    public var id: String
    public var kind: String?
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
        public var code: String
        public var message: String
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
    /// Every measure off track, across strategies.
    public var offTrack: [MeasureView]
}

/// The home page's overview of the organisation.
public struct HomeView: Sendable {
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
    }
    public var strategies: [Row]
    public var hasStrategies: Bool
    public var errors: Int
    public var warnings: Int
    public var stalePages: Int
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

// The views templates read: each one's fields are its synthesized Encodable conformance
// (TemplateView), which must be declared in this file.
extension StrategyView: TemplateView {}
extension StrategyView.Objective: TemplateView {}
extension StrategyView.Finding: TemplateView {}
extension StrategyView.Assessment: TemplateView {}
extension StrategyView.CoCreator: TemplateView {}
extension StrategyView.Report: TemplateView {}
extension StrategyView.Program: TemplateView {}
extension StrategyView.Method: TemplateView {}
extension StrategyView.Resource: TemplateView {}
extension StrategyView.Risk: TemplateView {}
extension StrategyView.Presence: TemplateView {}
extension StrategyView.Gap: TemplateView {}
extension StrategyView.Check: TemplateView {}
extension MeasureView: TemplateView {}
extension MeasureView.Row: TemplateView {}
extension ObjectiveView: TemplateView {}
extension ObjectiveView.Method: TemplateView {}
extension LadderView: TemplateView {}
extension LadderView.Criterion: TemplateView {}
extension LadderView.Step: TemplateView {}
extension MatrixView: TemplateView {}
extension MatrixView.Role: TemplateView {}
extension MatrixView.Cell: TemplateView {}
extension MatrixView.Row: TemplateView {}
extension MatrixView.Column: TemplateView {}
extension TeamView: TemplateView {}
extension TeamView.Role: TemplateView {}
extension TeamView.Member: TemplateView {}
extension StageView: TemplateView {}
extension ResponsibilityView: TemplateView {}
extension ResponsibilityView.Assignment: TemplateView {}
extension MaturityOverviewView: TemplateView {}
extension MaturityOverviewView.Marker: TemplateView {}
extension MaturityOverviewView.Column: TemplateView {}
extension ListingView: TemplateView {}
extension ListingView.Section: TemplateView {}
extension HealthView: TemplateView {}
extension HealthView.Item: TemplateView {}
extension HealthView.Group: TemplateView {}
extension HealthView.Standing: TemplateView {}
extension HomeView: TemplateView {}
extension HomeView.Row: TemplateView {}
extension HomeView.TeamRow: TemplateView {}
extension HomeView.Involvement: TemplateView {}
