var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["e"]=[
"every","executive","effort","each","early","engaged","engagement","escalate","escalating","escalation","everyday","evidence","executives","exists","external"
];
