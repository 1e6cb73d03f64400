/// Amounts, measures and budgets as the site's language writes them.
extension Messages {
    /// A measure's value with its unit: "61%" (or "61 %"), "1,200 calls".
    public func value(_ value: Double, unit: String?, decimals: Int = 2) -> String {
        guard let unit, !unit.isEmpty else { return number(value, decimals: decimals) }
        if unit == "%" { return formats.percent(value, decimals: decimals) }
        return text("value.withUnit", ["number": number(value, decimals: decimals), "unit": unit])
    }

    /// An amount of a currency, whole units unless it has cents: "GBP 47,500", "GBP 2.50".
    public func amount(_ value: Double, currency: String) -> String {
        let cents = Int((abs(value) * 100).rounded())
        let number = cents % 100 == 0 ? number(value, decimals: 0) : formats.number(value, decimals: 2, keepingZeros: true)
        return text("value.money", ["currency": currency, "number": number])
    }

    /// A budget: "GBP 47,500 a year", "GBP 5,000 once".
    public func money(_ money: Money) -> String {
        let amount = amount(money.amount, currency: money.currency)
        return text("value.period.\(Money.periods.contains(money.period) ? money.period : "year")", ["amount": amount])
    }

    /// What an objective is worth: "GBP 100,000 a year", "GBP 2.50 a question".
    public func worth(_ worth: BusinessObjective.Worth) -> String {
        let amount = amount(worth.amount, currency: worth.currency)
        return worth.isYearly ? text("value.period.year", ["amount": amount]) : text("value.per", ["amount": amount, "unit": worth.per])
    }
}
