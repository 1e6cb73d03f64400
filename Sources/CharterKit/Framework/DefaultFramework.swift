/// The framework Charter ships with, written in the same YAML a site uses to change it
/// (`model/*.yaml` under the site root), so the defaults are data rather than code.
enum DefaultFramework {
    static let stages = """
        stages:
          - id: planning
            name: Planning
            summary: Listening comes first; plans are tied to business objectives.
            description: >-
              The organisation listens to customers, partners and the market (research,
              focus groups, public conversation) and sets plans that serve its business
              objectives.
            criteria:
              - check: assessment-with-sources
                summary: an assessment that names its listening sources
              - check: goal-serves-objective
                summary: a goal tied to at least one business objective
          - id: presence
            name: Presence
            summary: A presence exists, with content people can share and use for support.
            description: >-
              Pages, accounts or spaces are set up and carry shareable content and support
              information, but the organisation does not yet hold conversations in them.
            criteria:
              - check: has-presence
                summary: at least one presence or channel
              - check: has-support-content
                summary: support content that customers can use
          - id: engagement
            name: Engagement
            summary: Conversations build communities, in the open, with staff taking part.
            description: >-
              The organisation takes part in conversations that build communities, works
              transparently, involves its staff, and manages the risks that come with it.
            criteria:
              - check: community-program
                summary: a community program the organisation takes part in (not only market-run)
              - check: responsible-team
                responsibility: conversation-shaping
                summary: a team Responsible for Conversation Shaping (staff involved)
              - check: risk-process
                summary: a risk-management process (every risk has an owner and an escalation path)
          - id: formalised
            name: Formalised
            aliases: [formalized]
            summary: Communication is sustained, inside the organisation and outside it.
            description: >-
              A steady cadence of communication, inside the organisation and with customers
              and partners, keeps the effort going beyond its first champions.
            criteria:
              - check: communication-cadence
                summary: an internal and an external communication cadence
          - id: strategic
            name: Strategic
            summary: Rolled into every area of the business, with executives engaged.
            description: >-
              The strategy reaches every part of the business; executives take an active
              part and a coordination committee steers the work.
            criteria:
              - check: business-reach
                minimum: 3
                summary: a team from every area of the business Accountable or Responsible
              - check: executives-engaged
                summary: an executive team Accountable or Responsible in the responsibility matrix
              - check: coordination-team
                summary: a coordination committee or hub Accountable or Responsible in the responsibility matrix
          - id: converged
            name: Converged
            summary: One business strategy process; no separate social strategy remains.
            description: >-
              Social ways of working are part of how every business objective is pursued;
              there is no stand-alone social plan left.
            criteria:
              - check: convergence-attested
                summary: the executive committee attests, on a date that has come, that the business's own planning process has taken the strategy in
              - check: objectives-in-register
                summary: it serves only the organisation's registered business objectives, and at least one (Charter's reading, as evidence)
        """

    static let responsibilities = """
        responsibilities:
          - id: governance
            name: Governance
            summary: Sets the policies and decision rights the whole effort runs under.
          - id: best-practice
            name: Best Practice
            summary: Collects what works and spreads it across teams.
          - id: content-direction
            name: Content Direction
            summary: Decides what is published, in what voice, and when.
          - id: training
            name: Training
            summary: Teaches staff to take part well and safely.
          - id: technology
            name: Technology
            summary: Chooses, runs and integrates the platforms and tools.
          - id: leadership
            name: Leadership
            summary: Champions the strategy and removes obstacles.
          - id: insight-dissemination
            name: Insight Dissemination
            summary: Turns what is heard into findings and gets them to the people who act.
          - id: conversation-shaping
            name: Conversation Shaping
            summary: Takes part in and guides conversations with customers and partners.
          - id: conflict-resolution
            name: Conflict Resolution
            summary: Settles disputes and handles conversations that go wrong.
        """

    static let focusAreas = """
        focus_areas:
          - id: marketing
            name: Marketing
            summary: Social channels used in marketing for broad awareness of the organisation and its offer.
            expects:
              - check: has-presence
                summary: a presence where people meet the organisation (Charter's reading of the Marketing focus)
              - check: has-support-content
                summary: content people can share and use (Charter's reading of the Marketing focus)
          - id: operational
            name: Operational
            summary: Social processes inside mission-critical and back-office systems.
            expects:
              - check: internal-collaboration
                summary: a program of kind internal or process alignment, where staff work together on a process (Charter's reading of the Operational focus)
          - id: customer
            name: Customer
            summary: Customers share knowledge and build relationships with other people who use the products.
            expects:
              - check: customer-sharing
                summary: a community program where customers share with each other, whoever runs it (Charter's reading of the Customer focus)
        """

    static let programKinds = """
        program_kinds:
          - id: creative
            name: Creative
            summary: Creative and highly engaging.
          - id: process-alignment
            name: Process alignment
            summary: Makes a business process faster; unglamorous and asked for by customers.
          - id: market-run
            name: Market-run
            summary: Run by the market within the market; the organisation does nothing.
          - id: internal
            name: Internal
            summary: Managed inside the organisation.
          - id: co-created
            name: Co-created
            summary: Created and carried out jointly with customers or partners.
        """

    static let elements = """
        smacad:
          - id: goal
            name: Goal
            summary: What the strategy achieves, shaped by the assessment and by customers' and partners' needs.
          - id: mission
            name: Mission
            summary: In very few words, how the goal will be reached.
          - id: benefits
            name: Benefits
            summary: What the customer gains and what the company gains; both, always.
          - id: methods
            name: Methods
            summary: The strategic methods and programmes needed to reach the goal.
          - id: resources
            name: Resources
            summary: The people, budget and tools the methods need.
          - id: reporting
            name: Reporting
            summary: What success means at every step, and the tools that measure it.
        """
}
