/// A share of one budget that serves one business objective. How budgets are shared is
/// Charter's convention: a budget is split equally among the methods it serves (every method of
/// its strategy when it names none), and each method's part equally among the objectives that
/// method names (the strategy's own objectives when it names none). So a budget shared by
/// several objectives is counted once in all, never in full under each.
public struct Allocation: Sendable, Hashable {
    /// The strategy whose budget it is.
    public var strategy: String
    /// The budget.
    public var resource: Strategy.Resource
    /// The objective served.
    public var objective: String
    /// The share of the budget, from 0 to 1.
    public var share: Double
    /// The methods through which the share reaches the objective.
    public var methods: [String]

    /// The share of the budget's amount.
    public var amount: Money? {
        resource.money.map { Money(amount: $0.amount * share, currency: $0.currency, period: $0.period) }
    }

    /// The share of what the budget has spent, as of its latest record.
    public var spent: Reading? {
        resource.spent.last.map { Reading(value: $0.value * share, date: $0.date, at: $0.location, decimals: $0.decimals) }
    }

    /// Every allocation of the site's budgets that have an amount, in the order of the
    /// strategies, their budgets and the objectives.
    public static func of(_ site: Site) -> [Allocation] {
        site.strategyModels.flatMap { strategy in
            strategy.budgets.filter { $0.money != nil }.flatMap { budget in
                allocate(budget, of: strategy)
            }
        }
    }

    static func allocate(_ budget: Strategy.Resource, of strategy: Strategy) -> [Allocation] {
        let named = Set(budget.methods.map(\.value))
        let methods = named.isEmpty ? strategy.methods : strategy.methods.filter { named.contains($0.id.value) }
        guard !methods.isEmpty else { return [] }
        var shares: [String: (share: Double, methods: [String])] = [:]
        var order: [String] = []
        for method in methods {
            var objectives = method.objectives.map(\.value)
            if objectives.isEmpty { objectives = strategy.objectives.map(\.id.value) }
            objectives = objectives.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            for objective in objectives {
                if shares[objective] == nil { order.append(objective) }
                shares[objective, default: (0, [])].share += 1 / Double(methods.count) / Double(objectives.count)
                shares[objective, default: (0, [])].methods.append(method.title?.value ?? method.id.value)
            }
        }
        return order.map { objective in
            Allocation(strategy: strategy.id, resource: budget, objective: objective,
                       share: shares[objective]!.share, methods: shares[objective]!.methods)
        }
    }
}
