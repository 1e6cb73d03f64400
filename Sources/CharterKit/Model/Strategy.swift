/// A strategy from `strategies/ID.yaml`, every value with its position in the file.
public struct Strategy: Sendable, Hashable {
    /// How far a strategy has come through review.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, review, approved
    }

    /// A business objective the strategy serves: an ID of the objectives register, or (the
    /// older form, still read) an objective written out in the strategy with its own text.
    public struct Objective: Sendable, Hashable {
        public var id: Located<String>
        /// The objective's words when written in the strategy itself; nil for a reference to the register.
        public var text: Located<String>?
        /// True for an objective that exists only for social media's sake ("grow followers"),
        /// which a Converged strategy no longer has.
        public var isStandaloneSocial: Bool
        /// True when written as a bare ID, which must name an objective of the register.
        public var isReference = false
    }

    /// A customer need, frustration or excitement found by the assessment. Methods name the
    /// findings they answer by ID.
    public struct Finding: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable { case need, frustration, excitement }
        public var kind: Kind
        public var id: Located<String>?
        public var text: Located<String>
    }

    /// The competition, seen in the same aspects as the organisation itself.
    public struct Competition: Sendable, Hashable {
        public var location: SourceLocation
        /// A summary, or the whole description when no aspect is written out.
        public var summary: Located<String>?
        public var brand: Located<String>?
        public var customers: Located<String>?
        public var partners: Located<String>?

        /// Whether anything is said about the competition.
        public var isEmpty: Bool { summary == nil && brand == nil && customers == nil && partners == nil }
    }

    /// What the strategy learnt before setting objectives.
    public struct Assessment: Sendable, Hashable {
        public var location: SourceLocation
        /// The day the assessment was made; an old one is re-done before objectives change.
        public var assessedOn: Located<CalendarDate>?
        public var brand: Located<String>?
        public var customerSentiment: Located<String>?
        public var needs: [Finding]
        public var frustrations: [Finding]
        public var excitements: [Finding]
        public var partners: Located<String>?
        public var competition: Competition?
        /// Where the listening happened: surveys, forums, call notes.
        public var sources: [Located<String>]

        /// Whether customers are covered: a sentiment and at least one need, frustration or excitement.
        public var coversCustomers: Bool {
            customerSentiment != nil && !findings.isEmpty
        }

        /// Needs, frustrations and excitements, in that order.
        public var findings: [Finding] { needs + frustrations + excitements }

        /// The finding with an ID.
        public func finding(_ id: String) -> Finding? { findings.first { $0.id?.value == id } }
    }

    /// A market representative the strategy was made with, and the record of what they did.
    public struct CoCreator: Sendable, Hashable {
        /// Whether they signed off the strategy, and on which day if it was given.
        public enum SignOff: Sendable, Hashable { case yes(Located<CalendarDate>?), no }

        public var location: SourceLocation
        /// Their name; for an external party, the party's ID until the site names it.
        public var name: Located<String>
        /// The external party they are (`party: ID`), if they are one.
        public var party: Located<String>?
        public var kind: String?
        /// The part of the market they speak for.
        public var segment: Located<String>?
        public var from: Located<CalendarDate>?
        public var to: Located<CalendarDate>?
        /// IDs of the assessment findings, methods and programs they shaped.
        public var shaped: [Located<String>] = []
        /// What they contributed, in words.
        public var contribution: Located<String>?
        public var signedOff: SignOff?

        public init(location: SourceLocation, name: Located<String>) {
            self.location = location
            self.name = name
        }
    }

    /// One entry of the "you said, we did" log: what the market asked for, and the change that
    /// answered it.
    public struct Exchange: Sendable, Hashable {
        public var location: SourceLocation
        public var said: Located<String>
        /// Who asked: an external party's ID, or words ("small-business owners at the breakfasts").
        public var by: Located<String>?
        public var on: Located<CalendarDate>?
        public var did: Located<String>?
        public var doneOn: Located<CalendarDate>?
        /// IDs of the methods, programs or findings the change touched.
        public var changes: [Located<String>]

        /// Whether the request still waits for an answer.
        public var isOpen: Bool { did == nil }
    }

    /// What the customer and the company each gain.
    public struct Benefits: Sendable, Hashable {
        public var location: SourceLocation
        public var customer: [Located<String>]
        public var company: [Located<String>]
    }

    /// A strategic method and what it is tied to.
    public struct Method: Sendable, Hashable {
        public var id: Located<String>
        public var title: Located<String>?
        public var description: Located<String>?
        public var objectives: [Located<String>]
        /// The assessment findings (by ID) the method answers.
        public var answers: [Located<String>]
        /// Playbooks that carry the method out, as written (paths or `playbook:` references).
        public var playbooks: [Located<String>]
    }

    /// People, budget or a tool that methods need.
    public struct Resource: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable { case people, budget, tool }
        public var id: Located<String>
        public var kind: Located<Kind>?
        public var description: Located<String>?
        /// The amount as written: a number, or (the older form, still read) text such as "£95,000 a year".
        public var amount: Located<String>?
        /// The amount as a number with its currency and period, when written that way.
        public var money: Money?
        public var methods: [Located<String>]
        /// What a budget has spent so far, dated and cumulative, in its currency, oldest first.
        public var spent: [Reading] = []
    }

    /// How one method's success is measured.
    public struct Report: Sendable, Hashable {
        public var location: SourceLocation
        public var method: Located<String>?
        public var success: Located<String>?
        public var measure: Located<String>?
        /// The target in words (the older form, still read); nil when the target is a number with a date.
        public var target: Located<String>?
        public var tool: Located<String>?
        /// What the numbers count: "%", "streets", "GBP".
        public var unit: Located<String>?
        /// Where the measure started; its date may be left out, then the earliest result's date is used.
        public var baseline: Reading?
        /// The number to reach and the date to reach it by.
        public var goal: Reading?
        /// Dated results, oldest first.
        public var results: [Reading] = []
        /// How often a result is due; a measure whose latest result is older has no recent data.
        public var cadence: Located<Cadence>?
        /// How far either side of the line, in the measure's units, a result is at risk rather
        /// than on or off track; nil for the site's `measure_band`.
        public var band: Located<Double>?

        /// How often a measure is taken.
        public enum Cadence: String, Sendable, Hashable, CaseIterable {
            case monthly, quarterly, yearly

            /// The longest a result stays recent.
            public var interval: ReviewInterval {
                switch self {
                case .monthly: ReviewInterval(count: 1, unit: .month)
                case .quarterly: ReviewInterval(count: 3, unit: .month)
                case .yearly: ReviewInterval(count: 1, unit: .year)
                }
            }
        }

        /// Whether the measure has a number to reach by a date, so its progress can be judged.
        public var isTracked: Bool { goal?.date != nil }
    }

    /// How often the strategy's progress is told inside and outside the organisation.
    public struct Communication: Sendable, Hashable {
        public var location: SourceLocation
        public var internalCadence: Located<String>?
        public var externalCadence: Located<String>?
    }

    /// A program that executes a method.
    public struct Program: Sendable, Hashable {
        /// What a community program is anchored in.
        public enum Anchor: String, Sendable, Hashable, CaseIterable {
            case passion, lifestyle, cause
            case sharedNeed = "shared-need"
        }
        /// Where the program's mapping starts.
        public var location: SourceLocation
        public var id: Located<String>
        public var title: Located<String>?
        /// The program's kinds; the framework's kinds are examples, and a program may be several.
        public var kinds: [Located<String>]
        /// The team that runs it. A market-run program needs none: the market runs it.
        public var owner: Located<String>?
        public var method: Located<String>?
        public var community: Located<Anchor>?
        public var description: Located<String>?
    }

    /// A place where the organisation is present: a page, an account, a forum.
    public struct Presence: Sendable, Hashable {
        public var name: Located<String>
        public var channel: String?
        public var url: String?
    }

    /// Where the strategy stands and where it is heading.
    public struct Maturity: Sendable, Hashable {
        public var location: SourceLocation
        public var current: Located<String>?
        public var target: Located<String>?
        /// Playbooks that show a stage is reached, by stage as written.
        public var evidence: [(stage: Located<String>, links: [Located<String>])]
        /// The record that the business's own planning has taken the strategy in.
        public var convergence: Convergence?

        public static func == (lhs: Maturity, rhs: Maturity) -> Bool {
            lhs.location == rhs.location && lhs.current == rhs.current && lhs.target == rhs.target
                && lhs.evidence.map(\.stage) == rhs.evidence.map(\.stage) && lhs.evidence.map(\.links) == rhs.evidence.map(\.links)
                && lhs.convergence == rhs.convergence
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(location)
            hasher.combine(current)
            hasher.combine(target)
            hasher.combine(convergence)
        }
    }

    /// A dated attestation, by the body that runs the organisation's business planning, that the
    /// strategy is now planned inside that one process rather than beside it: the framework's
    /// Converged stage, recorded by the people who can say so.
    public struct Convergence: Sendable, Hashable {
        public var location: SourceLocation
        public var attestedOn: Located<CalendarDate>?
        /// The team that attests it.
        public var by: Located<String>?
        /// The business strategy process the strategy is now part of, in words.
        public var process: Located<String>?
    }

    /// Who is Accountable, Responsible, Consulted and Informed for one responsibility.
    public struct Assignment: Sendable, Hashable {
        public var responsibility: Located<String>
        public var accountable: [Located<String>]
        public var responsible: [Located<String>]
        public var consulted: [Located<String>]
        public var informed: [Located<String>]
    }

    /// A risk and how it is handled.
    public struct Risk: Sendable, Hashable {
        public var location: SourceLocation
        public var title: Located<String>?
        public var owner: Located<String>?
        public var mitigation: Located<String>?
        public var escalation: Located<String>?
    }

    public var id: String
    public var sourcePath: String
    /// The root mapping's position, where problems about missing fields are reported.
    public var location: SourceLocation
    public var title: Located<String>?
    public var owner: Located<String>?
    public var status: Located<Status>?
    public var focusAreas: [Located<String>]
    public var sponsor: Located<String>?
    public var objectives: [Objective]
    public var assessment: Assessment?
    public var coCreators: [CoCreator]
    /// The "you said, we did" log, in file order.
    public var exchanges: [Exchange]
    public var goal: Located<String>?
    public var mission: Located<String>?
    public var benefits: Benefits?
    public var methods: [Method]
    public var resources: [Resource]
    public var reporting: [Report]
    public var communication: Communication?
    public var programs: [Program]
    public var presences: [Presence]
    /// Support content that customers can use, as links.
    public var supportContent: [Located<String>]
    public var maturity: Maturity?
    public var assignments: [Assignment]
    public var risks: [Risk]
    /// Every text value of the file with its position, for placeholder checks.
    public var texts: [Located<String>]

    /// The IDs of the teams Accountable or Responsible for any responsibility, in matrix order.
    public var teamsAccountableOrResponsible: [String] {
        var seen: Set<String> = []
        return assignments.flatMap { $0.accountable + $0.responsible }.map(\.value).filter { seen.insert($0).inserted }
    }

    /// The strategy's display name, or its ID.
    public var displayName: String { title?.value ?? id }

    /// Whether the strategy says it is a draft (`status: draft`), still being written.
    public var isDraft: Bool { status?.value == .draft }
}
