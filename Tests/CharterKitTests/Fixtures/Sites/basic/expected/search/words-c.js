var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["c"]=[
"customers","community","conversation","conversations","committee","cadence","calls","champions","come","comes","communities","content","customer","carry","change","channel","charter","checklist","chief","chooses","clear","collects","communication","conflict","converged","coordinate","coordination","cut"
];
